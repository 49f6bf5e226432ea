"""Binding one value to one parameter: the conversions PowerShell applies (bool and switch
rules, scalars to arrays, element-wise collection conversion, argument transformation for
script parameters), then validation (mandatory null/empty checks, validation attributes,
accepted values), each failure with pwsh's error id.

A mixin of :class:`pwshlike.binding.binder.Binder`, which does the command-line,
parameter-set and pipeline passes.
"""
from __future__ import annotations

from ..errors import (
    DotNetException,
    MetadataException,
    ParameterBindingArgumentTransformationException,
    ParameterBindingValidationException,
)
from ..runtime import numeric as N
from ..runtime.convert import to_str
from ..runtime.helpers import NOARG
from ..runtime.typenames import type_name_of
from ..runtime.values import (
    GenericList,
    PSReference,
    SwitchParameter,
    TypedArray,
)
from .metadata import ParameterMeta
from .validation import ValidateSet, ValidationError, is_null, validators_from_attributes

_NOT_BOUND = object()


def net_str(v) -> str:
    """.NET ToString() for message arguments: arrays show their type name, null is $null."""
    if v is None:
        return "$null"
    if isinstance(v, list):
        return type_name_of(v)
    return to_str(v)


def _type_name(v) -> str:
    return type_name_of(v)


_BOOL_TYPES = ("System.Boolean", "System.Management.Automation.SwitchParameter",
               "System.Nullable[System.Boolean]")


def _is_number(v) -> bool:
    if isinstance(v, bool):
        return False
    return isinstance(v, (int, float)) or N.is_decimal(v)


class ValueBinder:
    # --- one value -------------------------------------------------------------------------------------
    def bind_parameter(self, b, p: ParameterMeta, value, coerce: bool,
                       text=None) -> bool:
        """ParameterBinderBase.BindParameter: transformation, conversion (or the exact-type
        test), validation, the mandatory null/empty checks; then store and narrow the sets."""
        if coerce:
            if self.is_script and not p.is_common and p.type is not None:
                value = self._transform(p, value, text)
            elif p.transform is not None:
                value = self._cmdlet_transform(p, value, text)
            v = self._coerce(p, value, text)
        else:
            v = self._uncoerced(p, value)
            if v is _NOT_BOUND:
                return False
        self._validate(p, v)
        b.bound[p.name] = v
        if p.flags:
            b.mask &= p.flags
        return True

    # the old name
    def coerce(self, p: ParameterMeta, value, text=None):
        if self.is_script and not p.is_common and p.type is not None:
            value = self._transform(p, value)
        v = self._coerce(p, value, text)
        self._validate(p, v)
        return v

    def _transform(self, p: ParameterMeta, value, text=None):
        """The ArgumentTypeConverterAttribute a typed script parameter carries."""
        t = p.type
        tname = t.fullname
        if text is not None and _is_number(value):
            # a number literal converts to a string through its spelling (0x10 stays 0x10)
            if tname == "System.String":
                value = text
            else:
                coll = p.collection
                if coll and coll[1] is not None and coll[1].fullname == "System.String":
                    value = [text]
        if tname == "System.Management.Automation.PSReference":
            if not isinstance(value, PSReference):
                raise self._transform_error(p, value, "Reference type is expected in argument.")
            return value
        if isinstance(value, PSReference):
            value = value.Value
        if value is NOARG:
            return value
        if self.meta.advanced and tname == "System.String" and isinstance(value, list):
            raise self._transform_error(p, value, "Cannot convert value to type System.String.")
        if tname in _BOOL_TYPES:
            self._check_bool(p, value, tname)
        elif self.meta.advanced:
            coll = p.collection
            if coll and coll[1] is not None and coll[1].fullname in _BOOL_TYPES:
                items = value if isinstance(value, list) else [value]
                for item in items:
                    self._check_bool(p, item, coll[1].fullname)
        if value is None and tname == "System.String":
            return ""                       # [string]$null is ''
        try:
            return t.convert(value)
        except DotNetException as e:
            raise self._transform_error(p, value, getattr(e, "Message", str(e)), e) from None

    def _cmdlet_transform(self, p: ParameterMeta, value, text=None):
        """An ArgumentTransformationAttribute of a Python cmdlet's parameter (its class's
        ``argument_transformations``), run before the conversion to the parameter's type."""
        if value is NOARG or isinstance(value, SwitchParameter):
            return value
        try:
            return p.transform(value, text)
        except DotNetException as e:
            raise self._transform_error(p, value, getattr(e, "Message", str(e)), e) from None

    def _check_bool(self, p, value, tname) -> None:
        if value is None:
            if tname != "System.Nullable[System.Boolean]" and \
                    tname != "System.Management.Automation.SwitchParameter":
                raise self._transform_error(
                    p, value, f'Cannot convert value "" to type "{tname}". Boolean parameters '
                    "accept only Boolean values and numbers, such as $True, $False, 1 or 0.")
            return
        if isinstance(value, (bool, SwitchParameter)) or _is_number(value):
            return
        raise self._transform_error(
            p, value, f'Cannot convert value "{_type_name(value)}" to type "{tname}". Boolean '
            "parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.")

    def _transform_error(self, p, value, detail: str, inner=None):
        e = self.error("ParameterArgumentTransformationError",
                       f"Cannot process argument transformation on parameter '{p.name}'. "
                       f"{detail}", ParameterBindingArgumentTransformationException,
                       "InvalidData", value, inner)
        e.from_cast = True          # every failure here is a PSInvalidCastException in pwsh
        return e

    def _convert_error(self, p, value, detail: str, inner=None):
        return self.error("CannotConvertArgumentNoMessage",
                          f"Cannot bind parameter '{p.name}'. {detail}", target=value,
                          inner=inner)

    def _cannot_convert(self, p, shown: str, tname: str, extra: str = ""):
        return self.error("CannotConvertArgument",
                          f"Cannot convert '{shown}' to the type '{tname}' required by parameter "
                          f"'{p.name}'. {extra}")

    def _coerce(self, p: ParameterMeta, value, text=None, t=None, element=False):
        """CoerceTypeAsNeeded."""
        if t is None and not element:
            t = p.type
        tname = t.fullname if t is not None else "System.Object"
        if value is NOARG or is_null(value):
            if tname == "System.Boolean":
                raise self.error("ParameterArgumentValidationErrorNullNotAllowed",
                                 f"Cannot bind argument to parameter '{p.name}' because it is "
                                 "null.")
            if tname == "System.Management.Automation.SwitchParameter":
                return SwitchParameter(True)
            if value is NOARG:
                raise self._missing_argument(p)
            return None
        if t is None or tname in ("System.Object", "System.Management.Automation.PSObject"):
            return value
        if t.is_instance(value):
            return value
        if tname in _BOOL_TYPES:
            v = value.IsPresent if isinstance(value, SwitchParameter) else value
            if isinstance(v, bool):
                flag = v
            elif _is_number(v):
                flag = v != 0
            else:
                raise self._cannot_convert(p, _type_name(v), tname)
            return SwitchParameter(flag) if tname.endswith("SwitchParameter") else flag
        coll = None if element else p.collection
        if coll is not None:
            return self._encode(p, value, t, coll, True, text)[0]
        if isinstance(value, list) and getattr(t, "enum_members", None) is None:
            raise self._cannot_convert(p, net_str(value), tname,
                                       "Specified method is not supported.")
        if text is not None and tname == "System.String" and not isinstance(value, str):
            return text
        try:
            return t.convert(value)
        except DotNetException as e:
            raise self._convert_error(p, value, getattr(e, "Message", str(e)), e) from None

    def _uncoerced(self, p: ParameterMeta, value):
        """ShouldContinueUncoercedBind: the value as is, if it already fits."""
        t = p.type
        if value is NOARG:
            if p.is_switch:
                return SwitchParameter(True)
            return _NOT_BOUND
        if is_null(value):
            if t is None or (not t.is_value_type and t.fullname != "System.String"):
                return None
            return _NOT_BOUND
        if t is None or t.fullname in ("System.Object", "System.Management.Automation.PSObject"):
            return value
        if t.is_instance(value):
            return value
        coll = p.collection
        if coll is not None:
            encoded, needs = self._encode(p, value, t, coll, False)
            if encoded is None or needs:
                return _NOT_BOUND
            return encoded
        return _NOT_BOUND

    def _encode(self, p, value, t, coll, coerce: bool, text=None):
        """EncodeCollection: a scalar becomes one element; each element is converted to the
        element type (or, without conversion, must already be of it)."""
        kind, elem = coll
        if isinstance(value, list):
            items = value
        else:
            items = [value]
        out = []
        for e in items:
            if coerce:
                if elem is not None:
                    e = self._coerce(p, e, text if len(items) == 1 else None, elem, True)
            elif elem is not None and e is not None and not elem.is_instance(e):
                return None, True
            out.append(e)
        if kind == "array":
            if elem is None or elem.fullname == "System.Object":
                return list(out), False
            return TypedArray(out, elem), False
        return GenericList(out, elem, t.fullname if t is not None else None), False

    # --- validation ------------------------------------------------------------------------------------
    def _validate(self, p: ParameterMeta, value) -> None:
        for v in self.validators(p):
            try:
                v.validate(self.ctx, value)
            except ValidationError as e:
                raise self.error("ParameterArgumentValidationError",
                                 f"Cannot validate argument on parameter '{p.name}'. {e.message}",
                                 ParameterBindingValidationException, "InvalidData", value) \
                    from None
        if p.accepted_values:
            try:
                ValidateSet(p.accepted_values).validate(self.ctx, value)
            except ValidationError as e:
                raise self.error("ParameterArgumentValidationError",
                                 f"Cannot validate argument on parameter '{p.name}'. {e.message}",
                                 ParameterBindingValidationException, "InvalidData", value) \
                    from None
        if p.mandatory_somewhere:
            self._null_or_empty(p, value, p.type, True)

    def _null_or_empty(self, p: ParameterMeta, value, t, top: bool) -> None:
        tname = t.fullname if t is not None else "System.Object"
        if is_null(value):
            if tname != "System.Nullable[System.Boolean]" and not p.allow_null:
                raise self._empty_error(p, "NullNotAllowed", "null", value)
            return
        if tname == "System.String":
            if isinstance(value, str) and value == "" and not p.allow_empty_string:
                raise self._empty_error(p, "EmptyStringNotAllowed", "an empty string", value)
            return
        if not top:
            return
        coll = p.collection
        if coll is None or not isinstance(value, list):
            return
        kind, elem = coll
        if value and not (elem is not None and elem.is_value_type):
            for e in value:
                self._null_or_empty(p, e, elem, False)
        if not value and not p.allow_empty_collection:
            if kind == "array":
                raise self._empty_error(p, "EmptyArrayNotAllowed", "an empty array", value)
            raise self._empty_error(p, "EmptyCollectionNotAllowed", "an empty collection", value)

    def _empty_error(self, p, suffix: str, what: str, value):
        return self.error("ParameterArgumentValidationError" + suffix,
                          f"Cannot bind argument to parameter '{p.name}' because it is {what}.",
                          ParameterBindingValidationException, "InvalidData", value)

    def validators(self, p: ParameterMeta) -> list:
        """The parameter's validators; attribute nodes of script parameters are evaluated
        the first time the parameter binds."""
        vals = p.validators
        if vals and not hasattr(vals[0], "validate"):
            try:
                p.validators = vals = validators_from_attributes(
                    self.ctx, self.scope or self.ctx.global_scope, vals)
            except ValidationError as e:
                raise self.error("ValidationMetadataException", e.message,
                                 MetadataException, "MetadataError") from None
        return vals

    # older name
    _validators = validators
