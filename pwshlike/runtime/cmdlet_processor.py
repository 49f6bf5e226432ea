"""Runs a Python cmdlet in a pipeline: bind from its spec, then begin/process/end."""
from __future__ import annotations

from ..binding.binder import Binder
from .commands import Processor


class CmdletInfo:
    """A cmdlet known to the session: name, spec, and its (lazily imported) class."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._spec = None
        self._meta = None
        self._cls = None

    @property
    def spec(self) -> dict:
        if self._spec is None:
            from ..binding.specs import load_spec
            self._spec = load_spec(self.name)
        return self._spec

    @property
    def meta(self):
        if self._meta is None:
            from ..binding.specs import meta_from_spec
            meta = meta_from_spec(self.spec)
            # [AllowNull()] / [AllowEmptyCollection()] / [AllowEmptyString()]: validation
            # attributes PlatyPS pages cannot state, declared on the cmdlet class instead
            for attr in ("allow_null", "allow_empty"):
                names = getattr(self.cls, attr + "_parameters", ())
                for p in meta.params:
                    if p.name in names:
                        setattr(p, attr, True)
            self._meta = meta
        return self._meta

    @property
    def cls(self):
        if self._cls is None:
            import importlib
            module, _, cls = self.spec["class"].partition(":")
            self._cls = getattr(importlib.import_module(module), cls)
        return self._cls

    @property
    def command_info(self):
        return self

    def ToString(self) -> str:
        return self.name

    @property
    def Name(self) -> str:
        return self.name

    @property
    def CommandType(self) -> str:
        return "Cmdlet"


class CmdletProcessor(Processor):
    def __init__(self, ctx, info: CmdletInfo, scope, args, out, site) -> None:
        self.ctx = ctx
        self.info = info
        self.scope = scope
        self.args = args
        self.out = out
        self.site = site
        self.name = info.name
        self.cmdlet_class = info.cls
        self.had_error = False
        self.binder = Binder(ctx, info.meta, info.name, False, scope)
        self.binding = None
        self.cmdlet = None
        self.preferences: dict = {}

    def begin(self, pipeline_expected: bool) -> None:
        self.expected = pipeline_expected
        b = self.binder.bind_arguments(self.args, pipeline_expected)
        self.binding = b
        c = self.cmdlet_class(self.ctx, self)
        self.cmdlet = c
        c.parameter_set_name = b.set_name
        c.bound_parameters = dict(b.bound)
        for p in self.info.meta.params:
            setattr(c, p.name, b.bound.get(p.name, p.default_value if not p.is_switch else
                                           _switch(False)))
        for key in ("ErrorAction", "WarningAction", "InformationAction"):
            if key in b.bound:
                self.preferences[key.lower()] = str(b.bound[key]).lower()
        if "Verbose" in b.bound:
            self.preferences["verbose"] = bool(b.bound["Verbose"])
        if "Debug" in b.bound:
            self.preferences["debug"] = bool(b.bound["Debug"])
        c.begin_processing()

    def process(self, item) -> None:
        b = self.binding
        if self.info.meta.has_pipeline:
            saved = dict(b.bound)
            ok = self.binder.bind_pipeline_item(b, item, b.explicit)
            if not ok:
                from ..errors import ParameterBindingException
                rec = self.cmdlet.error_record(
                    "The input object cannot be bound to any parameters for the command either "
                    "because the command does not take pipeline input or the input and its "
                    "properties do not match any of the parameters that take pipeline input.",
                    "InputObjectNotBound", "InvalidArgument", item, ParameterBindingException)
                self.cmdlet.write_error(rec)
                return
            for name, value in b.bound.items():
                setattr(self.cmdlet, name, value)
            self.cmdlet.bound_parameters = dict(b.bound)
            self.cmdlet.process_record()
            b.bound = saved
        else:
            self.cmdlet.process_record()

    def end(self) -> None:
        if not self.expected:
            self.cmdlet.process_record()
        self.cmdlet.end_processing()

    def run_without_input(self) -> None:
        self.cmdlet.process_record()


def _switch(v):
    from .values import SwitchParameter
    return SwitchParameter(v)
