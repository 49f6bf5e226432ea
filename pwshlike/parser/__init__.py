"""Parser: tokens → AST with source extents."""
