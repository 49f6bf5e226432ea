"""Cmdlets written in Python: behaviour only; parameters come from help/specs/*.yaml."""
