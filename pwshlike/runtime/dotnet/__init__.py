""".NET member surface for PowerShell scripts: instance methods/properties of the runtime's
values (``methods``), static members of .NET types (``statics``), enums (``enums``) and
regex match objects (``regexmatch``).  Everything is data: tables of small functions.
"""
