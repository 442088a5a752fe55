"""Jobs over many issues: batch runs and briefings that combine several papers.

- :mod:`.batch` runs a batch (the driver that writes), :mod:`.inputs` finds and fingerprints
  its issues, :mod:`.worker` builds one issue, :mod:`.ray_engine` runs the workers on Ray.
- :mod:`.combined` builds one briefing from several papers, with :mod:`.dedupe` keeping one
  article of each story; :mod:`.manifest` reads the manifest that lists the papers of a job.

Nothing is imported here: a batch loads only the engine it runs on.
"""
