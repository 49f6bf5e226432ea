"""Tests for pwshlike.binding: the parameter binder, validation and prompting.

Each failure is asserted by its exact pwsh error id (ParameterBinderStrings.resx); the
positive rules follow the reference notes §1.2-§1.12 (name matching, re-pairing, named
and positional passes, parameter sets, remaining arguments, pipeline passes, coercion).
Small command specs are built in the tests; script functions run through the engine.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest

from pwshlike.binding.binder import Binder
from pwshlike.binding.metadata import (
    ALL_SETS,
    CommandMeta,
    ParameterMeta,
    SetMeta,
    common_parameters,
)
from pwshlike.binding.validation import (
    ValidateCount,
    ValidateLength,
    ValidatePattern,
    ValidateRange,
    ValidateSet,
)
from pwshlike.engine import Engine, ExecutionContext, Host
from pwshlike.errors import DotNetException
from pwshlike.runtime.helpers import NOARG, SPLAT
from pwshlike.runtime.values import Hashtable, PSCustomObject, SwitchParameter
from pwshlike.testing import run_script

FQ = "Microsoft.PowerShell.Commands.TestThingCommand"


# --- building specs ------------------------------------------------------------------------------
def P(name, type_name=None, aliases=(), sets=None, validators=(), **flags) -> ParameterMeta:
    """A parameter; ``sets`` maps set name → dict of SetMeta flags, else ``flags`` apply to
    __AllParameterSets."""
    if sets is None:
        sets = {ALL_SETS: flags}
    return ParameterMeta(name, type_name, aliases,
                         {k: SetMeta(**v) for k, v in sets.items()}, list(validators))


def spec(*params, default=None, should_process=False, script=False) -> CommandMeta:
    ps = list(params) + common_parameters(should_process)
    return CommandMeta("Test-Thing", ps, default, advanced=True,
                       supports_should_process=should_process,
                       fq_name="Test-Thing" if script else FQ, is_script=script)


def ctx(interactive=False, stdin="") -> ExecutionContext:
    host = Host(io.StringIO(), io.StringIO(), interactive=interactive, stdin=io.StringIO(stdin))
    return ExecutionContext(host, noninteractive=not interactive)


def named(name, value=NOARG, text=None):
    return (name, value, text or ("-" + name + (":" if value is not NOARG else "")))


def pos(value, text=None):
    return (None, value, text)


def splat(value):
    return (SPLAT, value, None)


def bind(meta, *args, pipeline=False, c=None, script=None):
    binder = Binder(c or ctx(), meta, "Test-Thing", meta.is_script if script is None else script)
    return binder.bind_arguments(list(args), pipeline)


def fails(error_id, meta, *args, **kw):
    with pytest.raises(DotNetException) as info:
        bind(meta, *args, **kw)
    assert info.value.error_id == error_id, info.value.Message
    return info.value


# --- name matching (§1.2) ----------------------------------------------------------------------------
def test_unambiguous_prefix_and_case():
    m = spec(P("Resource", "System.String"), P("Region", "System.String"))
    b = bind(m, named("res", "r1"), named("REG", "eu"))
    assert b.bound == {"Resource": "r1", "Region": "eu"}


def test_alias_and_alias_prefix():
    m = spec(P("ComputerName", "System.String", aliases=["cn", "HostName"]))
    assert bind(m, named("cn", "a")).bound == {"ComputerName": "a"}
    assert bind(m, named("Host", "b")).bound == {"ComputerName": "b"}


def test_exact_name_wins_over_longer_names():
    m = spec(P("Name", "System.String"), P("NameSpace", "System.String"))
    assert bind(m, named("Name", "x")).bound == {"Name": "x"}


def test_declared_parameter_beats_common_one():
    m = spec(P("VerboseLog", "System.String"))
    assert bind(m, named("Verbo", "x")).bound == {"VerboseLog": "x"}


def test_ambiguous_parameter():
    m = spec(P("Resource", "System.String"), P("Region", "System.String"))
    e = fails("AmbiguousParameter", m, named("R", "x"))
    assert e.Message == ("Parameter cannot be processed because the parameter name 'R' is "
                         "ambiguous. Possible matches include: -Resource -Region.")


def test_named_parameter_not_found():
    e = fails("NamedParameterNotFound", spec(P("Name")), named("Bogus", 1))
    assert e.Message == "A parameter cannot be found that matches parameter name 'Bogus'."


# --- re-pairing names and values (§1.3) -------------------------------------------------------------
def test_colon_value_and_separate_value():
    m = spec(P("Name", "System.String"), P("Count", "System.Int32"))
    b = bind(m, named("Name", "x"), named("Count"), pos("5", "5"))
    assert b.bound == {"Name": "x", "Count": 5}


def test_missing_argument_at_the_end():
    e = fails("MissingArgument", spec(P("Name", "System.String")), named("Name"))
    assert e.Message == ("Missing an argument for parameter 'Name'. Specify a parameter of type "
                         "'System.String' and try again.")


def test_missing_argument_when_next_is_a_known_parameter():
    m = spec(P("Name", "System.String"), P("Force", "switch"))
    fails("MissingArgument", m, named("Name"), named("Force"))


def test_unknown_parameter_token_becomes_the_value():
    m = spec(P("Name", "System.String"))
    assert bind(m, named("Name"), named("foo")).bound == {"Name": "-foo"}


def test_switch_forms():
    m = spec(P("Force", "switch"))
    assert bind(m, named("Force")).bound["Force"] == SwitchParameter(True)
    assert bind(m, named("Force", False)).bound["Force"] == SwitchParameter(False)
    assert bind(m, named("Force", 0)).bound["Force"] == SwitchParameter(False)
    assert bind(m, named("Force", 2)).bound["Force"] == SwitchParameter(True)
    fails("CannotConvertArgument", m, named("Force", "true"))


def test_parameter_already_bound():
    m = spec(P("Name", "System.String"))
    e = fails("ParameterAlreadyBound", m, named("Name", "a"), named("name", "b"))
    assert "parameter 'name' is specified more than once" in e.Message


# --- positional binding (§1.4 step 3) ----------------------------------------------------------------
def test_positions_are_sort_keys_not_indexes():
    m = spec(P("A", position=10), P("B", position=3))
    assert bind(m, pos("first"), pos("second")).bound == {"B": "first", "A": "second"}


def test_named_pairs_are_skipped_when_counting_positions():
    m = spec(P("Path", position=0), P("Exclude", "System.String"))
    b = bind(m, named("Exclude"), pos("*.ppt"), pos("C:/docs"))
    assert b.bound == {"Exclude": "*.ppt", "Path": "C:/docs"}


def test_positional_parameter_not_found():
    e = fails("PositionalParameterNotFound", spec(P("A", position=0)), pos("x"), pos("y"))
    assert e.Message == "A positional parameter cannot be found that accepts argument 'y'."


def test_positional_conversion_error_is_reported_for_cmdlets():
    m = spec(P("Count", "System.Int32", position=0))
    e = fails("CannotConvertArgumentNoMessage", m, pos("abc"))
    assert e.Message.startswith("Cannot bind parameter 'Count'. Cannot convert value \"abc\"")
    assert e.fq_command == FQ


def test_uncoerced_non_default_set_beats_default_set_with_conversion():
    # attempt 2 (valid sets, no conversion) comes before attempt 3 (default set, conversion)
    m = spec(P("Process", "System.Management.Automation.ScriptBlock[]",
               sets={"Block": {"position": 0, "mandatory": True}}),
             P("MemberName", "System.String", sets={"Member": {"position": 0,
                                                              "mandatory": True}}),
             default="Block")
    b = bind(m, pos("Length"))
    assert b.bound == {"MemberName": "Length"} and b.set_name == "Member"


def test_default_set_first_without_conversion():
    m = spec(P("Var1", sets={"Set1": {"position": 0}}),
             P("Var2", sets={"Set2": {"position": 0}}),
             P("Var3", sets={"Set1": {"position": 1}, "Set2": {"position": 1}}),
             P("Var4", position=2), default="Set1")
    b = bind(m, pos(1), pos(2), pos(3))
    assert b.bound == {"Var1": 1, "Var3": 2, "Var4": 3} and b.set_name == "Set1"
    b = bind(m, named("Var2", 1), pos(2), pos(3))
    assert b.bound == {"Var2": 1, "Var3": 2, "Var4": 3} and b.set_name == "Set2"


def test_ambiguous_positional_parameter_no_name():
    m = spec(P("A", position=0), P("B", position=0))
    e = fails("AmbiguousPositionalParameterNoName", m, pos(1))
    assert e.Message == "Cannot bind positional parameters because no names were given."


def test_number_literal_keeps_its_spelling_for_a_string_parameter():
    m = spec(P("Text", "System.String", position=0))
    assert bind(m, pos(16, "0x10")).bound == {"Text": "0x10"}


# --- comma lists, splatting, remaining arguments ---------------------------------------------------
def test_scalar_to_array_and_array_elementwise():
    m = spec(P("Names", "System.String[]", position=0), P("Ids", "System.Int32[]"))
    b = bind(m, pos("one"), named("Ids", ["1", 2]))
    assert list(b.bound["Names"]) == ["one"] and list(b.bound["Ids"]) == [1, 2]
    assert b.bound["Ids"].element_type.fullname == "System.Int32"


def test_collection_to_scalar_is_an_error():
    m = spec(P("Name", "System.String"))
    e = fails("CannotConvertArgument", m, named("Name", ["a", "b"]))
    assert e.Message == ("Cannot convert 'System.Object[]' to the type 'System.String' required "
                         "by parameter 'Name'. Specified method is not supported.")


def test_hashtable_splat_moves_after_explicit_arguments_which_win():
    m = spec(P("Name", "System.String"), P("Location", "System.String"))
    b = bind(m, splat(Hashtable([("Location", "East"), ("Name", "splat")])), named("Name", "vm"))
    assert b.bound == {"Name": "vm", "Location": "East"}


def test_array_splat_is_positional():
    m = spec(P("A", position=0), P("B", position=1))
    assert bind(m, splat(["x", "y"])).bound == {"A": "x", "B": "y"}


def test_remaining_arguments_collect_names_and_values():
    m = spec(P("First", position=0), P("Rest", remaining=True))
    b = bind(m, pos("a"), pos("b"), named("q", "d"))
    assert list(b.bound["Rest"]) == ["b", "-q:", "d"]


def test_remaining_arguments_unwrap_a_single_collection():
    m = spec(P("Rest", remaining=True))
    assert bind(m, pos(["x", "y"])).bound["Rest"] == ["x", "y"]


# --- parameter sets (§1.5, §1.6) ----------------------------------------------------------------
def sets_meta(default="ByName"):
    return spec(P("Name", "System.String", sets={"ByName": {"mandatory": True, "position": 0}}),
                P("Id", "System.Int32", sets={"ById": {"mandatory": True}}),
                P("Force", "switch"), default=default)


def test_named_parameter_selects_its_set():
    assert bind(sets_meta(), named("Id", 3)).set_name == "ById"
    assert bind(sets_meta(), pos("n")).set_name == "ByName"


def test_disjoint_sets_are_ambiguous():
    e = fails("AmbiguousParameterSet", sets_meta(), named("Name", "a"), named("Id", 1))
    assert e.Message.startswith("Parameter set cannot be resolved using the specified named "
                                "parameters.")


def test_default_set_is_chosen_when_undecided():
    b = bind(spec(P("A", sets={"S1": {}}), P("B", sets={"S2": {}}), default="S2"))
    assert b.set_name == "S2"


def test_undecided_sets_without_default_are_ambiguous():
    fails("AmbiguousParameterSet", spec(P("A", sets={"S1": {}}), P("B", sets={"S2": {}})))


def test_set_resolved_by_unbound_mandatory_parameters():
    m = spec(P("A", sets={"S1": {"mandatory": True}}), P("B", sets={"S2": {}}),
             P("C", sets={"S1": {}, "S2": {}}))
    assert bind(m, named("C", 1)).set_name == "S2"


def test_missing_mandatory_parameter_lists_names_in_order():
    m = spec(P("B", mandatory=True), P("A", mandatory=True))
    e = fails("MissingMandatoryParameter", m)
    assert e.Message == ("Cannot process command because of one or more missing mandatory "
                         "parameters: B A.")


def test_mandatory_parameters_taking_pipeline_input_wait_for_it():
    m = spec(P("InputObject", mandatory=True, from_pipeline=True))
    assert bind(m, pipeline=True).bound == {}
    fails("MissingMandatoryParameter", m, pipeline=False)


# --- conversions (§1.10) ---------------------------------------------------------------------------
def test_datetime_enum_and_bool_conversions():
    m = spec(P("When", "System.DateTime"), P("Color", "System.ConsoleColor"),
             P("Flag", "System.Boolean"))
    b = bind(m, named("When", "2020-01-02T03:04:05"), named("Color", "darkred"),
             named("Flag", 0))
    assert b.bound["When"] == dt.datetime(2020, 1, 2, 3, 4, 5)
    assert str(b.bound["Color"]) == "DarkRed"
    assert b.bound["Flag"] is False


def test_bool_parameter_only_takes_bools_and_numbers():
    m = spec(P("Flag", "System.Boolean"))
    e = fails("CannotConvertArgument", m, named("Flag", "true"))
    assert e.Message == ("Cannot convert 'System.String' to the type 'System.Boolean' required "
                         "by parameter 'Flag'. ")


def test_bool_parameter_needs_a_value():
    fails("MissingArgument", spec(P("Flag", "System.Boolean")), named("Flag"))


def test_cannot_convert_argument_no_message():
    e = fails("CannotConvertArgumentNoMessage", spec(P("When", "System.DateTime")),
              named("When", "notadate"))
    assert e.Message.startswith("Cannot bind parameter 'When'. Cannot convert value "
                                "\"notadate\" to type \"System.DateTime\".")


def test_script_parameters_report_transformation_errors():
    m = spec(P("Count", "System.Int32"), script=True)
    e = fails("ParameterArgumentTransformationError", m, named("Count", "abc"))
    assert e.Message.startswith("Cannot process argument transformation on parameter 'Count'. "
                                "Cannot convert value \"abc\" to type \"System.Int32\".")
    assert type(e).__name__ == "ParameterBindingArgumentTransformationException"


def test_script_bool_parameter_message():
    e = fails("ParameterArgumentTransformationError", spec(P("B", "bool"), script=True),
              named("B", "yes"))
    assert e.Message.endswith('Cannot convert value "System.String" to type "System.Boolean". '
                              "Boolean parameters accept only Boolean values and numbers, such as "
                              "$True, $False, 1 or 0.")


# --- validation ------------------------------------------------------------------------------------
@pytest.mark.parametrize("validator,value,message", [
    (ValidateSet(["Low", "High"]), "Mid",
     ('The argument "Mid" does not belong to the set "Low,High" specified by the ValidateSet '
     "attribute. Supply an argument that is in the set and then try the command again.")),
    (ValidateRange(1, 10), 11,
     ("The 11 argument is greater than the maximum allowed range of 10. Supply an argument that "
     "is less than or equal to 10 and then try the command again.")),
    (ValidateRange(1, 10), 0,
     ("The 0 argument is less than the minimum allowed range of 1. Supply an argument that is "
     "greater than or equal to 1 and then try the command again.")),
    (ValidatePattern("^a"), "bcd",
     ('The argument "bcd" does not match the "^a" pattern. Supply an argument that matches "^a" '
     "and try the command again.")),
    (ValidateLength(2, 3), "abcd",
     ('The character length (4) of the argument is too long. Specify an argument with a length '
     'that is shorter than or equal to "3", and then try the command again.')),
    (ValidateCount(1, 2), [1, 2, 3],
     ("The parameter requires at least 1 value(s) and no more than 2 value(s) - 3 value(s) were "
     "provided.")),
])
def test_validation_error(validator, value, message):
    m = spec(P("X", validators=[validator]))
    e = fails("ParameterArgumentValidationError", m, named("X", value))
    assert e.Message == f"Cannot validate argument on parameter 'X'. {message}"
    assert type(e).__name__ == "ParameterBindingValidationException"


def test_validate_set_is_case_insensitive_and_checks_each_element():
    m = spec(P("X", "System.String[]", validators=[ValidateSet(["a", "b"])]))
    assert list(bind(m, named("X", ["A", "b"])).bound["X"]) == ["A", "b"]
    fails("ParameterArgumentValidationError", m, named("X", ["a", "c"]))


def test_validate_range_converts_to_the_bounds_type():
    m = spec(P("X", "System.Double", validators=[ValidateRange(0, 10)]))
    assert bind(m, named("X", 10.5)).bound["X"] == 10.5        # 10.5 → 10 (banker's)
    fails("ParameterArgumentValidationError", m, named("X", 10.6))


def test_accepted_values_act_as_validate_set():
    p = P("Mode", "System.String")
    p.accepted_values = ["Fast", "Slow"]
    fails("ParameterArgumentValidationError", spec(p), named("Mode", "Medium"))


@pytest.mark.parametrize("type_name,value,error_id", [
    (None, None, "ParameterArgumentValidationErrorNullNotAllowed"),
    ("System.String", "", "ParameterArgumentValidationErrorEmptyStringNotAllowed"),
    ("System.String[]", [], "ParameterArgumentValidationErrorEmptyArrayNotAllowed"),
    ("System.Collections.ArrayList", [], "ParameterArgumentValidationErrorEmptyCollectionNotAllowed"),
    ("System.String[]", ["a", None], "ParameterArgumentValidationErrorNullNotAllowed"),
])
def test_mandatory_null_and_empty_checks(type_name, value, error_id):
    e = fails(error_id, spec(P("X", type_name, mandatory=True)), named("X", value))
    assert e.Message.startswith("Cannot bind argument to parameter 'X' because it is")


def test_allow_null_and_empty_attributes():
    p = P("X", "System.String", mandatory=True)
    p.allow_null = p.allow_empty_string = True
    assert bind(spec(p), named("X", "")).bound == {"X": ""}
    assert bind(spec(p), named("X", None)).bound == {"X": None}
    q = P("Y", "System.String[]", mandatory=True)
    q.allow_empty_collection = True
    assert list(bind(spec(q), named("Y", [])).bound["Y"]) == []


# --- pipeline binding (§1.7) ------------------------------------------------------------------------
def pipe_binder(meta):
    binder = Binder(ctx(), meta, "Test-Thing", False)
    return binder, binder.bind_arguments([], True)


def test_by_value_before_by_property_name():
    m = spec(P("InputObject", "System.String", from_pipeline=True),
             P("Name", "System.String", by_property_name=True))
    binder, b = pipe_binder(m)
    assert binder.bind_pipeline(b, "text") and b.bound == {"InputObject": "text"}
    obj = PSCustomObject([("Name", "n")])
    assert binder.bind_pipeline(b, obj)
    assert b.bound["Name"] == "n"     # the object also converts to a string for InputObject


def test_by_property_name_uses_aliases_and_converts():
    m = spec(P("Path", "System.String", aliases=["FullName"], by_property_name=True),
             P("Size", "System.Int32", by_property_name=True))
    binder, b = pipe_binder(m)
    assert binder.bind_pipeline(b, PSCustomObject([("FullName", "/x"), ("Size", "12")]))
    assert b.bound == {"Path": "/x", "Size": 12}
    # the next record starts again from the command-line values
    assert binder.bind_pipeline(b, PSCustomObject([("Path", "/y")]))
    assert b.bound == {"Path": "/y"}


def test_input_object_not_bound():
    m = spec(P("Size", "System.Int32", by_property_name=True))
    binder, b = pipe_binder(m)
    assert not binder.bind_pipeline(b, 5)
    assert binder.input_not_bound(5).error_id == "InputObjectNotBound"


def test_input_object_missing_mandatory():
    m = spec(P("Name", "System.String", mandatory=True, by_property_name=True),
             P("Other", from_pipeline=True))
    binder, b = pipe_binder(m)
    assert binder.bind_pipeline(b, 5)
    err = binder.pipeline_errors(b, 5)
    assert err.error_id == "InputObjectMissingMandatory"


def test_pipeline_set_selection():
    m = spec(P("Name", "System.String", sets={"ByName": {"from_pipeline": True}}),
             P("Id", "System.Int32", sets={"ById": {"from_pipeline": True}}), default="ByName")
    binder, b = pipe_binder(m)
    assert binder.bind_pipeline(b, 7) and b.set_name == "ById" and b.bound == {"Id": 7}
    assert binder.bind_pipeline(b, "x") and b.set_name == "ByName"


# --- prompting ------------------------------------------------------------------------------------
def test_missing_mandatory_parameters_are_prompted_for():
    m = spec(P("Name", "System.String", mandatory=True, help_message="Who to greet"),
             P("Ids", "System.Int32[]", mandatory=True))
    c = ctx(interactive=True, stdin="!?\nworld\n1\n2\n\n")
    b = bind(m, c=c)
    assert b.bound["Name"] == "world" and list(b.bound["Ids"]) == [1, 2]
    text = c.host.stdout.getvalue()
    assert text == ("\ncmdlet Test-Thing at command pipeline position 1\n"
                    "Supply values for the following parameters:\n(Type !? for Help.)\n"
                    "Name: Who to greet\nName: Ids[0]: Ids[1]: Ids[2]: ")


def test_prompt_cancelled_at_end_of_input():
    c = ctx(interactive=True, stdin="")
    fails("MissingMandatoryParameter", spec(P("Name", mandatory=True)), c=c)


# --- through the engine: script functions and cmdlets ------------------------------------------------
def run(script: str):
    return run_script(script)


@pytest.mark.parametrize("call,error_id", [
    ("f -Bogus 1", "NamedParameterNotFound"),
    ("f 1 2 3", "PositionalParameterNotFound"),
    ("f -N 1", "AmbiguousParameter"),
    ("f -Name", "MissingArgument"),
    ("f -Name a -Name b", "ParameterAlreadyBound"),
    ("f -Count x -Name a", "ParameterArgumentTransformationError"),
    ("f -Name a -Mode bad", "ParameterArgumentValidationError"),
    ("f -Name ''", "ParameterArgumentValidationErrorEmptyStringNotAllowed"),
    ("f", "MissingMandatoryParameter"),
])
def test_function_error_ids(call, error_id):
    script = ("function f { [CmdletBinding()] param([Parameter(Mandatory, Position=0)]"
              "[string]$Name, [int]$Count, [ValidateSet('a','b')]$Mode, $NameSpace) 'ok' }\n"
              + call)
    r = run(script)
    assert r.error_id == f"{error_id},f", r.stderr


def test_cmdlet_error_id_names_the_dotnet_type():
    r = run("Get-Variable -Bogus 1")
    assert r.error_id == "NamedParameterNotFound,Microsoft.PowerShell.Commands.GetVariableCommand"


def test_function_pipeline_errors_are_non_terminating():
    r = run("function g { [CmdletBinding()] param([Parameter(ValueFromPipelineByPropertyName)]"
            "[string]$Name) process { \"got $Name\" } }\n"
            "[pscustomobject]@{Name='a'}, 5, [pscustomobject]@{Name='c'} | g\n"
            "$Error[0].FullyQualifiedErrorId")
    assert r.stdout.split("\n")[:3] == ["got a", "got c", "InputObjectNotBound,g"]


def test_prompt_through_the_engine():
    out, err = io.StringIO(), io.StringIO()
    engine = Engine(Host(out, err, interactive=True, stdin=io.StringIO("x\n")),
                    noninteractive=False)
    engine.run_text("function f { param([Parameter(Mandatory)]$Name) \"hi $Name\" }\nf")
    assert out.getvalue().endswith("Name: hi x\n")
