"""Runs a Python cmdlet in a pipeline: bind from its spec, then begin/process/end.

Without pipeline input the record is processed once, with the command-line arguments;
with input, each record is bound (ByValue, ByPropertyName, ...) before ``process_record``,
and a record that binds nothing is a non-terminating InputObjectNotBound error.
"""
from __future__ import annotations

from ..binding.binder import Binder
from ..errors import ParameterBindingException
from .functions import binding_error_record
from .processor import Processor
from .values import SwitchParameter

_OFF = SwitchParameter(False)


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
            cls_fq = getattr(self.cls, "fq_name", None)
            if cls_fq and not self.spec.get("fq_name"):
                meta.fq_name = cls_fq
            # [AllowNull()] / [AllowEmptyCollection()] / [AllowEmptyString()]: validation
            # attributes PlatyPS pages cannot state, declared on the cmdlet class instead
            for attr in ("allow_null", "allow_empty"):
                names = getattr(self.cls, attr + "_parameters", ())
                for p in meta.params:
                    if p.name in names:
                        setattr(p, attr, True)
            # [ValidateCount()], [ValidateRange()], ...: likewise declared on the class, as
            # {parameter name: (validator, ...)} of pwshlike.binding.validation objects
            validators = getattr(self.cls, "parameter_validators", None) or {}
            for p in meta.params:
                if p.name in validators:
                    p.validators = list(validators[p.name])
            # [ArgumentTransformation] attributes, likewise: fn(value, literal text) -> value
            transforms = getattr(self.cls, "argument_transformations", None)
            if transforms:
                for p in meta.params:
                    p.transform = transforms.get(p.name)
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
    def fq_name(self) -> str:
        return self.meta.fq_name or self.name

    @property
    def command_info(self):
        return self

    def ToString(self) -> str:
        return self.name

    def __str__(self) -> str:
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
        self.binder = None
        self.binding = None
        self.cmdlet = None
        self.expected = False
        self.streams = ctx.streams
        self.runtime = None
        self.pipeline_position = 1
        self.pipeline_length = 1
        self._declared = None

    @property
    def preferences(self) -> dict:
        """Older view of the common parameters given to this command."""
        rt = self.runtime
        if rt is None:
            return {}
        out = {}
        for key in ("error_action", "warning_action", "information_action"):
            v = getattr(rt, key)
            if v is not None:
                out[key.replace("_", "")] = v
        if rt.verbose is not None:
            out["verbose"] = rt.verbose
        if rt.debug is not None:
            out["debug"] = rt.debug
        return out

    def _enter(self):
        ctx = self.ctx
        prev = (ctx.streams, ctx.current_scope)
        ctx.streams = self.streams
        return prev

    def _leave(self, prev) -> None:
        self.ctx.streams = prev[0]

    def begin(self, pipeline_expected: bool) -> None:
        from .command_runtime import CommandRuntime
        self.expected = pipeline_expected
        meta = self.info.meta
        self.binder = Binder(self.ctx, meta, self.info.name, False, self.scope,
                             self.info.fq_name, self.pipeline_position)
        prev = self._enter()
        try:
            b = self.binder.bind_arguments(self.args, pipeline_expected)
            self.binding = b
            rt = CommandRuntime(self.ctx, self, meta, self.scope)
            self.runtime = rt
            rt.apply_common(b.bound, self.scope)
            self.ctx.streams = self.streams
            c = self.cmdlet_class(self.ctx, self)
            self.cmdlet = c
            self._declared = [p for p in meta.params if not p.is_common]
            self._set_attributes(b)
            c.begin_processing()
        finally:
            self._leave(prev)

    def _set_attributes(self, b) -> None:
        """Every declared parameter as an attribute of the cmdlet object."""
        c = self.cmdlet
        for p in self._declared:
            self._set_one(p.name, p, b)
        c.parameter_set_name = b.set_name
        c.bound_parameters = dict(b.bound)

    def _set_one(self, name, p, b) -> None:
        c = self.cmdlet
        if name in b.bound:
            setattr(c, name, b.bound[name])
        elif p.is_switch:
            setattr(c, name, _OFF)
        elif not hasattr(self.cmdlet_class, name):
            setattr(c, name, None)
        else:
            c.__dict__.pop(name, None)      # the class attribute is the default

    def _refresh(self, b, names) -> None:
        """After a pipeline record: the parameters it (or the one before) bound."""
        by_name = self.info.meta.by_name
        for name in names:
            self._set_one(name, by_name[name.lower()], b)
        c = self.cmdlet
        c.parameter_set_name = b.set_name
        c.bound_parameters = dict(b.bound)

    def process(self, item) -> None:
        prev = self._enter()
        try:
            b = self.binding
            c = self.cmdlet
            c.current_pipeline_object = item
            before = b.pipeline_names
            err = None
            try:
                ok = self.binder.bind_pipeline(b, item)
                if not ok:
                    err = self.binder.input_not_bound(item)
                else:
                    err = self.binder.pipeline_errors(b, item)
            except ParameterBindingException as e:
                err = e
            if err is not None:
                self.binder.restore_pipeline(b)
                self._refresh(b, before)
                self.runtime.write_error(binding_error_record(err, self.site, self.name, item))
                return
            after = b.pipeline_names
            self._refresh(b, before + after if before else after)
            c.process_record()
        finally:
            self._leave(prev)

    def end(self) -> None:
        prev = self._enter()
        try:
            if not self.expected:
                self.cmdlet.process_record()
            self.cmdlet.end_processing()
        finally:
            self._leave(prev)

    def dispose(self) -> None:
        c = self.cmdlet
        if c is not None:
            prev = self._enter()
            try:
                c.dispose()
            finally:
                self._leave(prev)

    def run_without_input(self) -> None:
        prev = self._enter()
        try:
            self.cmdlet.process_record()
        finally:
            self._leave(prev)

