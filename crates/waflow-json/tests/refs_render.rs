#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Typed references and expressions render to Meta's syntax.

use waflow_json::prelude::*;

#[test]
fn data_form_and_global_refs_render() {
    let data = ScreenData::new(
        "countries",
        serde_json::json!([{"id": "1", "title": "USA"}]),
    );
    assert_eq!(data.r().to_string(), "${data.countries}");
    assert_eq!(data.r().field("id").to_string(), "${data.countries.id}");
    assert_eq!(
        data.r().on_screen("ADDRESS").to_string(),
        "${screen.ADDRESS.data.countries}"
    );
    let pick = Dropdown::new("country", "Country", [DataSourceItem::new("1", "USA")]);
    assert_eq!(pick.r().to_string(), "${form.country}");
    assert_eq!(pick.reference(), pick.r());
    assert_eq!(
        pick.r().on_screen("ADDRESS").to_string(),
        "${screen.ADDRESS.form.country}"
    );
    let form_ref = Ref::form("x");
    assert_eq!(form_ref.scope(), RefScope::Form);
    assert_eq!(form_ref.screen(), None);
}

#[test]
fn screen_data_infers_schema_from_example() {
    let list = ScreenData::new("opts", serde_json::json!([{"id": "1", "n": 2, "ok": true}]));
    assert_eq!(
        serde_json::to_value(list.schema()).unwrap(),
        serde_json::json!({
            "type": "array",
            "items": {"type": "object", "properties": {
                "id": {"type": "string"}, "n": {"type": "number"}, "ok": {"type": "boolean"}
            }},
            "__example__": [{"id": "1", "n": 2, "ok": true}]
        })
    );
}

#[test]
fn expressions_render_conditions_and_nested_forms() {
    let cond = Expr::from(Ref::form("insurance").on_screen("SELECT_INSURANCE")).ne("");
    assert_eq!(
        cond.to_condition(),
        "(${screen.SELECT_INSURANCE.form.insurance} != '')"
    );
    let visible: Dynamic<bool> = Expr::from(Ref::form("number")).eq(42).into();
    assert_eq!(
        serde_json::to_value(&visible).unwrap(),
        "`(${form.number} == 42)`"
    );
    let math = Expr::from(Ref::data("number_1")) * Ref::data("number_2");
    assert_eq!(math.to_nested(), "`(${data.number_1} * ${data.number_2})`");
    let text = Expr::concat([
        Expr::from("The sum is "),
        Expr::from(Ref::data("a")) + Ref::data("b"),
    ]);
    assert_eq!(text.to_nested(), "` 'The sum is ' (${data.a} + ${data.b})`");
    let logic = Expr::from(Ref::data("a"))
        .and(!Expr::from(Ref::form("b")))
        .or(true);
    assert_eq!(logic.to_condition(), "((${data.a} && !${form.b}) || true)");
    assert_eq!(Expr::raw("${data.x} >= 3").to_condition(), "${data.x} >= 3");
}

#[test]
fn if_and_switch_take_typed_conditions() {
    let animal = Ref::form("animal");
    let branch = If::new(
        Expr::from(Ref::data("value")).and(Expr::from(animal.clone()).eq("cat")),
        [TextBody::new("Cat").into()],
    );
    assert_eq!(
        branch.condition,
        "(${data.value} && (${form.animal} == 'cat'))"
    );
    let switch = Switch::new(animal).case("cat", [TextBody::new("Meow").into()]);
    let json = serde_json::to_value(Component::from(switch)).unwrap();
    assert_eq!(json["value"], "${form.animal}");
    assert_eq!(json["cases"]["cat"][0]["text"], "Meow");
}

#[test]
fn form_moves_init_and_error_values_of_nested_inputs() {
    let email = TextInput::new("email", "Email")
        .init_value(Ref::data("e"))
        .error_message("Bad e-mail");
    let agree = OptIn::new("agree", "Agree").init_value(true);
    let form = Form::new("f")
        .child(If::new(Ref::data("show"), [email.into()]))
        .child(agree);
    let json = serde_json::to_value(&form).unwrap();
    assert_eq!(
        json["init-values"],
        serde_json::json!({"email": "${data.e}", "agree": true})
    );
    assert_eq!(
        json["error-messages"],
        serde_json::json!({"email": "Bad e-mail"})
    );
    assert!(json["children"][0]["then"][0].get("init-value").is_none());
    // A Form whose init-values is a reference leaves the component's own value alone.
    let kept = Form::new("g")
        .init_values_from(Ref::data("all"))
        .child(TextInput::new("n", "N").init_value("x"));
    let json = serde_json::to_value(&kept).unwrap();
    assert_eq!(json["init-values"], "${data.all}");
    assert_eq!(json["children"][0]["init-value"], "x");
}
