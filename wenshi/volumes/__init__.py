"""Volumes (辑): sections (栏目), ordering, page estimate, 稿酬, and the plans exports read."""
