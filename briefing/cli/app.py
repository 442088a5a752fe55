"""The Typer application objects; command modules attach their commands to these."""

import typer

app = typer.Typer(
    name="briefing",
    help="Turn one issue of a Chinese newspaper into a short daily briefing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score a stage against labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
