#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Property tests: whatever the builder makes serialises to JSON that parses back to the same
//! model, through text and through `serde_json::Value`.

use proptest::prelude::*;
use serde_json::{Value, json};
use waflow_json::prelude::*;

fn ident() -> impl Strategy<Value = String> {
    "[A-Za-z_][A-Za-z0-9_]{0,11}"
}

/// Any text, including quotes, backslashes, `${`, `/`, `~` and non-ASCII.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,24}",
        "\\PC{0,16}",
        Just("${data.x}".to_owned()),
        Just("a/b~c \"quoted\" \\ back".to_owned()),
    ]
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::from),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(ident(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn dyn_bool() -> impl Strategy<Value = Dynamic<bool>> {
    prop_oneof![
        any::<bool>().prop_map(Dynamic::from),
        ident().prop_map(|k| Ref::data(k).into()),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    let payload = || prop::collection::vec((ident(), json_value()), 0..4);
    prop_oneof![
        (ident(), payload()).prop_map(|(s, p)| Action::navigate(s).payload(p).into()),
        payload().prop_map(|p| Action::data_exchange().payload(p).into()),
        payload().prop_map(|p| Action::complete().payload(p).into()),
        payload().prop_map(|p| Action::update_data().payload(p).into()),
        text().prop_map(|u| Action::open_url(u).into()),
    ]
}

fn input() -> impl Strategy<Value = Component> {
    prop_oneof![
        (
            ident(),
            text(),
            prop::option::of(0u32..100),
            prop::option::of(text()),
            dyn_bool(),
            prop::sample::select(InputType::KNOWN.to_vec()),
        )
            .prop_map(|(name, label, min, init, visible, kind)| {
                let mut input = TextInput::new(name, label)
                    .input_type(InputType::from_wire(kind))
                    .visible(visible)
                    .required();
                if let Some(min) = min {
                    input = input.min_chars(min);
                }
                if let Some(init) = init {
                    input = input.init_value(init);
                }
                input.into()
            }),
        (
            ident(),
            text(),
            prop::collection::vec((ident(), text()), 1..5),
            prop::option::of(action())
        )
            .prop_map(|(name, label, items, on_select)| {
                let items = items
                    .into_iter()
                    .map(|(id, title)| DataSourceItem::new(id, title));
                let mut dropdown = Dropdown::new(name, label, items);
                if let Some(a) = on_select {
                    dropdown = dropdown.on_select_action(a);
                }
                dropdown.into()
            }),
        (ident(), text(), any::<bool>())
            .prop_map(|(name, label, init)| OptIn::new(name, label).init_value(init).into()),
        (ident(), text(), prop::collection::vec(text(), 0..3)).prop_map(|(name, label, dates)| {
            DatePicker::new(name, label).unavailable_dates(dates).into()
        }),
    ]
}

fn component() -> impl Strategy<Value = Component> {
    let leaf = prop_oneof![
        text().prop_map(|t| TextHeading::new(t).into()),
        prop::collection::vec(text(), 1..3)
            .prop_map(|lines| TextBody::new(lines).font_weight(FontWeight::Bold).into()),
        (text(), action()).prop_map(|(t, a)| EmbeddedLink::new(t, a).into()),
        (text(), action()).prop_map(|(t, a)| Footer::new(t, a).into()),
        input(),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            (ident(), prop::collection::vec(inner.clone(), 0..4))
                .prop_map(|(name, kids)| Form::new(name).children(kids).into()),
            (
                ident(),
                prop::collection::vec(inner.clone(), 1..3),
                prop::option::of(prop::collection::vec(inner.clone(), 1..3))
            )
                .prop_map(|(key, then, otherwise)| {
                    let cond = Expr::from(Ref::data(key)).eq("yes");
                    let branch = If::new(cond, then);
                    match otherwise {
                        Some(o) => branch.otherwise(o).into(),
                        None => branch.into(),
                    }
                }),
            (
                ident(),
                prop::collection::vec((ident(), prop::collection::vec(inner, 0..3)), 1..3)
            )
                .prop_map(|(key, cases)| {
                    cases
                        .into_iter()
                        .fold(Switch::new(Ref::form(key)), |s, (k, c)| s.case(k, c))
                        .into()
                }),
        ]
    })
}

fn screen() -> impl Strategy<Value = Screen> {
    (
        ident(),
        prop::option::of(text()),
        any::<bool>(),
        prop::collection::vec((ident(), json_value()), 0..4),
        prop::collection::vec(component(), 0..5),
    )
        .prop_map(|(id, title, terminal, data, children)| {
            let mut screen = Screen::new(id)
                .terminal(terminal)
                .data(data.into_iter().map(|(k, v)| ScreenData::new(k, v)))
                .children(children);
            if let Some(title) = title {
                screen = screen.title(title);
            }
            screen
        })
}

fn flow() -> impl Strategy<Value = FlowJson> {
    (
        prop::sample::select(FlowVersion::KNOWN.to_vec()),
        any::<bool>(),
        prop::collection::vec(screen(), 1..4),
    )
        .prop_map(|(version, endpoint, screens)| {
            let ids: Vec<String> = screens.iter().map(|s| s.id.clone()).collect();
            let mut flow = FlowJson::new(FlowVersion::from_wire(version)).screens(screens);
            if endpoint {
                flow = flow
                    .data_api_version(DataApiVersion::V3_0)
                    .routing(ids.iter().map(|id| (id.clone(), ids.clone())));
            }
            flow
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn builder_output_parses_back_from_text(flow in flow()) {
        let text = flow.to_json_pretty();
        prop_assert_eq!(FlowJson::from_json_str(&text).unwrap(), flow.clone());
        let compact = flow.to_json();
        prop_assert_eq!(FlowJson::from_json_str(&compact).unwrap(), flow);
    }

    #[test]
    fn builder_output_parses_back_from_value(flow in flow()) {
        let value = flow.to_value();
        let parsed = FlowJson::from_value(value.clone()).unwrap();
        prop_assert_eq!(parsed.to_value(), value);
        prop_assert_eq!(parsed, flow);
    }

    #[test]
    fn any_unknown_property_is_rejected_at_its_pointer(flow in flow(), key in "x[a-z]{3,8}") {
        let mut value = flow.to_value();
        value["screens"][0]["layout"]["children"] = json!([{"type": "TextHeading", "text": "t"}]);
        value["screens"][0]["layout"]["children"][0][key.as_str()] = json!(1);
        let err = FlowJson::from_value(value).unwrap_err();
        prop_assert_eq!(err.pointer(), format!("/screens/0/layout/children/0/{key}"));
    }
}
