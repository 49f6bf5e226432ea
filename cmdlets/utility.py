"""Measure-Object, New-Object, Get-Date, ConvertFrom-Json."""
from __future__ import annotations

import datetime

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_str
from pwshlike.runtime.values import Hashtable, PSCustomObject


class MeasureObjectCommand(Cmdlet):
    def begin_processing(self) -> None:
        self.count = 0
        self.values = []

    def process_record(self) -> None:
        if self._proc.expected and self.InputObject is None and not self.is_bound("InputObject"):
            return
        item = self.InputObject
        self.count += 1
        if self.Property:
            from pwshlike.runtime.members import get_member
            names = self.Property if isinstance(self.Property, list) else [self.Property]
            v = get_member(item, to_str(names[0]))
            if v is not None:
                self.values.append(v)
        else:
            self.values.append(item)

    def end_processing(self) -> None:
        from pwshlike.runtime.convert import to_number
        nums = []
        if self.Sum or self.Average or self.Maximum or self.Minimum:
            nums = [to_number(v) for v in self.values]
        result = PSCustomObject([("Count", self.count),
                                 ("Average", (sum(nums) / len(nums)) if self.Average and nums
                                  else None),
                                 ("Sum", sum(nums) if self.Sum else None),
                                 ("Maximum", max(nums) if self.Maximum and nums else None),
                                 ("Minimum", min(nums) if self.Minimum and nums else None),
                                 ("StandardDeviation", None),
                                 ("Property", to_str(self.Property) if self.Property else None)])
        self.write_object(result)


class NewObjectCommand(Cmdlet):
    def process_record(self) -> None:
        from pwshlike.runtime.types import resolve_type
        t = resolve_type(to_str(self.TypeName))
        args = self.ArgumentList
        if args is None:
            args = []
        elif not isinstance(args, list):
            args = [args]
        if getattr(t, "ctor", None) is None:
            from pwshlike.errors import MethodException, runtime_error
            if t.fullname == "System.Management.Automation.PSCustomObject" or \
                    t.fullname == "System.Object":
                obj = PSCustomObject()
            else:
                raise runtime_error(MethodException, "ConstructorInvokedThrowException",
                                    f'Cannot find an overload for "{t.Name}" and the argument '
                                    f'count: "{len(args)}".', "InvalidOperation")
        else:
            try:
                obj = t.ctor(*args)
            except TypeError:
                from pwshlike.errors import MethodException, runtime_error
                raise runtime_error(MethodException, "ConstructorInvokedThrowException",
                                    f'Cannot find an overload for "{t.Name}" and the argument '
                                    f'count: "{len(args)}".', "InvalidOperation") from None
        if self.Property is not None and isinstance(self.Property, Hashtable):
            from pwshlike.runtime.members import set_member
            for k, v in self.Property.items():
                if isinstance(obj, PSCustomObject):
                    obj.set_property(to_str(k), v)
                else:
                    set_member(obj, k, v)
        self.write_object(obj)


class GetDateCommand(Cmdlet):
    def process_record(self) -> None:
        from pwshlike.runtime.types import to_datetime
        d = to_datetime(self.Date) if self.Date is not None else datetime.datetime.now()
        if self.Format is not None:
            from pwshlike.runtime.dotnet_format import format_value
            self.write_object(format_value(d, to_str(self.Format)))
        elif self.UFormat is not None:
            self.write_object(d.strftime(to_str(self.UFormat)))
        else:
            self.write_object(d)


class ConvertFromJsonCommand(Cmdlet):
    def begin_processing(self) -> None:
        self.parts = []

    def process_record(self) -> None:
        if self.InputObject is not None:
            self.parts.append(to_str(self.InputObject))

    def end_processing(self) -> None:
        import json
        text = "\n".join(self.parts)
        as_hash = bool(self.AsHashtable)

        def hook(pairs):
            if as_hash:
                h = Hashtable(ordered=True)
                h._d = {}
                for k, v in pairs:
                    h._d[k if k.lower() not in h._d else k] = [k, v]
                    h._d.pop(k, None)
                    h._d[k] = [k, v]
                return _CaseSensitiveTable(pairs)
            return PSCustomObject(pairs)
        try:
            data = json.loads(text, object_pairs_hook=hook)
        except json.JSONDecodeError as e:
            from pwshlike.errors import ArgumentException, runtime_error
            raise runtime_error(ArgumentException, "System.ArgumentException",
                                f"Conversion from JSON failed with error: {e}",
                                "NotSpecified") from None
        self.write_object(data, enumerate_collection=isinstance(data, list))


class _CaseSensitiveTable(Hashtable):
    """-AsHashtable: keys differing only in case are distinct, as in pwsh 7.3+."""

    def __init__(self, pairs) -> None:
        super().__init__(ordered=True)
        for k, v in pairs:
            self._d[k] = [k, v]

    def _key(self, key):
        return key

    def __getitem__(self, key):
        e = self._d.get(key)
        return None if e is None else e[1]

    def __setitem__(self, key, value) -> None:
        self._d[key] = [key, value]

    def __contains__(self, key) -> bool:
        return key in self._d
