"""Developer tools of Process Mapper (not shipped with the application)."""
