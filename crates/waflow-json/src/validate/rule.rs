//! The rules the validator checks, named by Meta's error codes.

use std::fmt;

macro_rules! rules {
    ($($(#[doc = $doc:literal])+ $variant:ident => $code:literal,)+) => {
        /// A rule of Flow JSON. Errors carry the code Meta's upload answers with
        /// (`error.error_type`/`message` of `validation_errors`); warnings carry a code of waflow's own.
        ///
        /// Serialises to the code string, e.g. `"INVALID_ROUTING_MODEL"`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Rule {
            /// Every rule, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];

            /// The code: Meta's error code for errors, waflow's for warnings.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)+
                }
            }
        }
    };
}

rules! {
    /// The document is not a JSON object or a value has the wrong shape.
    InvalidFlowJson => "INVALID_FLOW_JSON",
    /// `version` is missing.
    MissingFlowJsonVersion => "MISSING_FLOW_JSON_VERSION",
    /// `version` names no Flow JSON version that exists.
    InvalidFlowJsonVersion => "INVALID_FLOW_JSON_VERSION",
    /// `data_api_version` is not a Data API version that exists.
    InvalidDataApiVersion => "INVALID_DATA_API_VERSION",
    /// A property that is unknown, or not available in this version or this place.
    InvalidPropertyKey => "INVALID_PROPERTY_KEY",
    /// A property's value is not allowed (unknown component, empty branch, inconsistent flags).
    InvalidPropertyValue => "INVALID_PROPERTY_VALUE",
    /// A property's JSON type is wrong.
    InvalidPropertyType => "INVALID_PROPERTY_TYPE",
    /// A required property is missing.
    MissingRequiredProperty => "MISSING_REQUIRED_PROPERTY",
    /// An array has fewer items than allowed.
    MinItemsRequired => "MIN_ITEMS_REQUIRED",
    /// An array has more items than allowed.
    MaxItemsRequired => "MAX_ITEMS_REQUIRED",
    /// A number is below its minimum.
    MinimumValueRequired => "MINIMUM_VALUE_REQUIRED",
    /// A number is above its maximum.
    MaximumValueRequired => "MAXIMUM_VALUE_REQUIRED",
    /// A string does not match its pattern (ids, blank text, reference syntax, colours).
    PatternMismatch => "PATTERN_MISMATCH",
    /// A string is not one of the allowed values.
    InvalidEnumValue => "INVALID_ENUM_VALUE",
    /// Properties that depend on each other are inconsistent (Footer captions, `success`).
    InvalidDependencies => "INVALID_DEPENDENCIES",
    /// An input component outside a Form before Flow JSON 4.0.
    KeywordOneOf => "KEYWORD_ONE_OF",
    /// The routing model names unknown screens, loops, goes backwards, misses screens or routes.
    InvalidRoutingModel => "INVALID_ROUTING_MODEL",
    /// A `navigate` payload disagrees with the next screen's data model.
    InvalidNavigateActionPayload => "INVALID_NAVIGATE_ACTION_PAYLOAD",
    /// A `navigate` action has no payload although the next screen declares data.
    MissingNavigationActionPayload => "MISSING_NAVIGATION_ACTION_PAYLOAD",
    /// A `navigate` action targets an unknown screen or its own screen.
    InvalidNavigateActionNextScreenName => "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
    /// An action payload references a missing field or misuses a media picker.
    InvalidOnClickActionPayload => "INVALID_ON_CLICK_ACTION_PAYLOAD",
    /// An `update_data` payload names a key the screen does not declare, or updates a key with itself.
    InvalidUpdateDataActionPayload => "INVALID_UPDATE_DATA_ACTION_PAYLOAD",
    /// A `complete` action on a screen that is not terminal.
    InvalidCompleteAction => "INVALID_COMPLETE_ACTION",
    /// The screen's data model (`data`) is malformed or its `__example__` disagrees with its type.
    InvalidScreenData => "INVALID_SCREEN_DATA",
    /// A `${data.x}`/`${screen.S.…}` reference names nothing, or a value of the wrong type.
    InvalidScreenDynamicData => "INVALID_SCREEN_DYNAMIC_DATA",
    /// A text-array item (RichText, TextBody, TextCaption) is a binding; items are static text.
    InvalidTextDynamicData => "INVALID_TEXT_DYNAMIC_DATA",
    /// A RichText `text` string interpolates `${…}` inside other text (6.0+).
    UnsupportedRichTextStringInterpolation => "UNSUPPORTED_RICH_TEXT_STRING_INTERPOLATION",
    /// More than 100 screens.
    MaxScreensNumber => "MAX_SCREENS_NUMBER",
    /// More components of one type on a screen than allowed.
    ComponentTypeMaxNumberPerScreen => "COMPONENT_TYPE_MAX_NUMBER_PER_SCREEN",
    /// More than one Footer on a screen.
    MoreThanOneFooter => "MORE_THAN_ONE_FOOTER",
    /// More than 50 components on a screen.
    MaxAllowedComponentsPerScreen => "MAX_ALLOWED_COMPONENTS_PER_SCREEN",
    /// RichText shares its screen with components it may not.
    InvalidRichtextPlacement => "INVALID_RICHTEXT_PLACEMENT",
    /// A component in a place it may not be (NavigationList, pickers together, inside If/Switch).
    InvalidComponentPlacement => "INVALID_COMPONENT_PLACEMENT",
    /// A `min-*` property is greater than its `max-*`.
    MinValueGreaterThanMax => "MIN_VALUE_GREATER_THAN_MAX",
    /// Two screens share an id.
    DuplicateScreenIds => "DUPLICATE_SCREEN_IDS",
    /// A screen is called `SUCCESS`.
    ScreenIdIsReservedKeyword => "SCREEN_ID_IS_RESERVED_KEYWORD",
    /// Two components of a screen share a `name`.
    DuplicateFormComponentNames => "DUPLICATE_FORM_COMPONENT_NAMES",
    /// No screen is terminal.
    MissingTerminalScreen => "MISSING_TERMINAL_SCREEN",
    /// A terminal screen has no Footer.
    MissingFooterOnTerminalScreen => "MISSING_FOOTER_ON_TERMINAL_SCREEN",
    /// An input component lives outside the screen's Form.
    ComponentsOutsideForm => "COMPONENTS_OUTSIDE_FORM",
    /// A Footer in one branch of an If but not the other.
    MissingFooterInIfElseBranches => "MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
    /// A Footer in some cases of a Switch but not all.
    MissingFooterInSwitchBranches => "MISSING_FOOTER_IN_SWITCH_BRANCHES",
    /// If nested more than three deep.
    MaximumIfNesting => "MAXIMUM_IF_NESTING",
    /// A Switch without cases.
    EmptySwitchCases => "EMPTY_SWITCH_CASES",
    /// A media picker initialised through the Form's `init-values`.
    NativeComponentInFormInitValues => "NATIVE_COMPONENT_IN_FORM_INIT_VALUES",
    /// Data-source items mixing `image` and `color`.
    DataSourceItemsHaveBothImageAndColor => "DATA_SOURCE_ITEMS_HAVE_BOTH_IMAGE_AND_COLOR",
    /// A `sensitive` entry names no component of the screen.
    InvalidSensitiveField => "INVALID_SENSITIVE_FIELD",
    /// A date is not a `"YYYY-MM-DD"` string.
    InvalidDateSingleInitValueFormat => "INVALID_DATE_SINGLE_INIT_VALUE_FORMAT",
    /// `min-date` is after `max-date`.
    InvalidDateRange => "INVALID_DATE_RANGE",
    /// `min-days` is greater than `max-days`.
    InvalidMinMaxDays => "INVALID_MIN_MAX_DAYS",
    /// A CalendarPicker range-mode object lacks `start-date` or `end-date`.
    MissingCalendarPickerRangeModeProp => "MISSING_CALENDAR_PICKER_RANGE_MODE_PROP",
    /// A CalendarPicker uses a range-mode property outside mode `range`.
    UnexpectedCalendarPickerRangeModeProp => "UNEXPECTED_CALENDAR_PICKER_RANGE_MODE_PROP",
    /// Warning: the version is frozen: Meta no longer publishes it, but still sends it.
    FrozenFlowJsonVersion => "FROZEN_FLOW_JSON_VERSION",
    /// Warning: static text longer than the client displays; the client truncates it.
    TextTruncated => "TEXT_TRUNCATED",
    /// Warning: a `navigate` edge missing from the routing model, in a version whose validator
    /// does not check it (before 5.0); the endpoint cannot answer with that transition.
    NavigateRouteNotInRoutingModel => "NAVIGATE_ROUTE_NOT_IN_ROUTING_MODEL",
    /// Warning: a screen no route or `navigate` action leads to.
    UnreachableScreen => "UNREACHABLE_SCREEN",
    /// Warning: text with `${…}` that is not a binding (not wholly `${data.x}`, `${form.x}`,
    /// `${screen.S.data.x}`, nor a backtick expression): Meta accepts it and the text is shown or
    /// sent literally.
    LiteralReferenceText => "LITERAL_REFERENCE_TEXT",
    /// Warning: a CalendarPicker or ChipsSelector outside the screen's Form. Meta's Builder accepts
    /// it; whether its server does is uncertain.
    InputOutsideForm => "INPUT_OUTSIDE_FORM",
    /// Warning: Meta's Builder and Meta's documentation disagree (a blank or non-base64
    /// `Image.src`); the upload may be rejected.
    UncertainMetaVerdict => "UNCERTAIN_META_VERDICT",
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Rule {
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        serializer.serialize_str(self.as_str())
    }
}
