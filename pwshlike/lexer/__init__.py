"""Tokenizer: turns PowerShell source text into tokens, in the mode the parser asks for."""
