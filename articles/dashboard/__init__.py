"""The library's section of Oscar's dashboard (the "Library" menu)."""
