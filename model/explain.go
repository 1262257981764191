package model

import (
	"errors"
	"strings"
)

// Explanation is a plain one-line reason for an error and what to do next.
// It is the one table behind every error the TUI and the CLI show. Next
// may name a flag or a command; TUI, when set, is the next step as it is
// done in the TUI (a key, a form's field), which has no flags: the TUI
// shows it in place of Next.
type Explanation struct{ Why, Next, TUI string }

// Codes tokenscope itself gives to refusals Stripe has no code for.
const (
	CodeLivemodeKey      = "livemode_key"
	CodeInvalidKey       = "invalid_api_key"
	CodeMissingKey       = "missing_api_key"
	CodeSecretKey        = "secret_key_required"
	CodeLivemodeResponse = "livemode_response"
	// CodeCancelled: the user cancelled a request before its answer came.
	CodeCancelled      = "request_cancelled"
	codeRawCardRefused = "raw_card_data_refused"
)

// Message fragments of errors Stripe sends without a distinguishing code.
const (
	msgRawCardNumbers   = "Sending credit card numbers directly to the Stripe API is generally unsafe"
	msgLivemodeMismatch = "a similar object exists in"
)

const (
	nextNewToken    = "a token is single-use; create a new one (tokenscope create card --preset visa)"
	nextNewTokenTUI = "a token is single-use; create a new one: n, then a preset"
)

// explanations is keyed by Stripe's error code, by decline code (filled from
// the test-card catalog in init) and by tokenscope's own codes.
var explanations = map[string]Explanation{
	"incorrect_number": {
		Why:  "the card number fails the Luhn check, so Stripe refuses it before any token exists",
		Next: "check the digits, or pick a test card preset such as visa",
	},
	"invalid_number": {
		Why:  "the card number is not a card number (wrong length or not only digits)",
		Next: "check the digits, or pick a test card preset such as visa",
	},
	"invalid_expiry_month": {
		Why:  "the expiry month must be 1 to 12, and not already over (a month before this one, this year, has expired)",
		Next: "enter a future expiry as MM/YY, e.g. 12/34",
	},
	"parameter_missing": {
		Why:  "a required parameter was not given",
		Next: "give the parameter named above (param) and retry",
	},
	"parameter_invalid_string": {
		Why:  "a text field holds what it must not: tokenscope refuses a card number in a name or address field, since Stripe returns those fields in the token and the token is stored on disk",
		Next: "type the card number only in the card number field (--number), and the name as it is written on the card",
		TUI:  "type the card number only in the Number field, and the name as it is written on the card",
	},
	"invalid_expiry_year": {
		Why:  "the expiry year is in the past (or not a year)",
		Next: "any future date works with test cards, e.g. 12/34",
	},
	"invalid_cvc": {
		Why:  "the CVC must be 3 digits, 4 for American Express",
		Next: "any 3 digits (4 for Amex) work with test cards",
	},
	"token_already_used": {
		Why:  "this token was already consumed (by a charge, a customer, a PaymentMethod or an account)",
		Next: nextNewToken,
		TUI:  nextNewTokenTUI,
	},
	"resource_missing": {
		Why:  "no such object for this key",
		Next: "check the id and that the key belongs to the account and mode that made it",
	},
	"rate_limit": {
		Why:  "too many requests: Stripe's test mode allows about 25 per second",
		Next: "wait a second and retry; tokenscope refresh paces itself at 20 per second",
	},
	"idempotency_error": {
		Why:  "the same Idempotency-Key was sent earlier with different parameters",
		Next: "send a new Idempotency-Key for a different request",
	},
	"idempotency_key_in_use": {
		Why:  "another request with the same Idempotency-Key is still running",
		Next: "wait for it to finish, then retry",
	},
	"test_mode_live_card": {
		Why:  "a real card number was sent with a test key; test mode accepts only Stripe's test cards",
		Next: "use a test card such as the visa preset (tokenscope presets lists them): test mode refuses every other number, also when --allow-any-number sends it",
		TUI:  "pick a test card from the Preset list (type to filter it), or type a test card's number",
	},
	"card_declined": {
		Why:  "the issuer declined the charge",
		Next: "use another card; the visa preset (tok_visa) charges succeed",
	},
	CodeLivemodeKey: {
		Why:  "live keys move real money; tokenscope works in Stripe's test mode only",
		Next: "use a test key (sk_test_ or rk_test_) from the Dashboard in test mode",
	},
	CodeInvalidKey: {
		Why:  "a Stripe test key starts with sk_test_, rk_test_ or pk_test_",
		Next: "check STRIPE_API_KEY or --api-key-file, or leave both unset to use the offline emulator",
	},
	CodeMissingKey: {
		Why:  "no API key was given and no emulator was chosen",
		Next: "set STRIPE_API_KEY or --api-key-file, or use --offline",
	},
	CodeSecretKey: {
		Why:  "a publishable key (pk_test_) can create tokens but not read or use them",
		Next: "use a secret key (sk_test_ or rk_test_) to retrieve or use tokens",
	},
	CodeCancelled: {
		Why:  "you cancelled the request before an answer came: nothing is known of what it did",
		Next: "a read can simply be sent again; a write may have been made at the server without being recorded here: refresh or retrieve it, or send it again",
	},
	CodeLivemodeResponse: {
		Why:  "the answer was a live-mode object, which tokenscope refuses to show or store",
		Next: "check --api-base and the key: they should point at test mode",
	},
	codeRawCardRefused: {
		Why:  "this Stripe account may not send raw card numbers to the API, test mode included",
		Next: "use a magic test token instead: `tokenscope get tok_visa` (or --offline for raw numbers)",
		TUI:  "retrieve a magic test token instead: n, retrieve by id, tok_visa (or start tokenscope --offline for raw numbers)",
	},
	// By type, for errors whose code (if any) has no entry: every error
	// gets a plain explanation.
	TypeConnection: {
		Why:  "the API could not be reached (network, DNS, timeout or --api-base)",
		Next: "check the connection and --api-base, then retry",
	},
	TypeAPIError: {
		Why:  "the server failed while handling the request (HTTP 5xx); nothing was wrong with the request itself",
		Next: "retry in a moment; if it keeps failing, quote the request id (Stripe) or check the emulator's state dir (offline)",
	},
	TypeCardError: {
		Why:  "the card was refused: the message says why",
		Next: "try another test card; the visa preset succeeds",
	},
	TypeInvalidRequest: {
		Why:  "the request has a parameter that is missing, unknown or of the wrong form (param names it)",
		Next: "fix the parameter named above and retry",
	},
	"authentication_error": {
		Why:  "the API key was not accepted",
		Next: "check STRIPE_API_KEY or --api-key-file, or use --offline",
	},
	"rate_limit_error": {
		Why:  "too many requests in a short time",
		Next: "wait a second and retry",
	},
	"unauthorized": {
		Why:  "Stripe did not accept the API key (mistyped, rolled or revoked)",
		Next: "check STRIPE_API_KEY or --api-key-file against the Dashboard (Developers → API keys, test mode)",
	},
	"livemode_mismatch": {
		Why:  "a similar object exists in test mode, but a live mode key was used (or the reverse)",
		Next: "use the test key of the account that made the object",
	},
}

// init adds every decline code of the test-card catalog, with the card's own
// Explain text, so a decline reads the same as the card's description in the
// presets list. Hand-written entries (incorrect_number) stay; otherwise the
// first card with a code wins.
func init() {
	for _, c := range Cards {
		for _, code := range []string{c.Outcome.DeclineCode, c.TokenizeCode} {
			if _, done := explanations[code]; code == "" || done {
				continue
			}
			explanations[code] = Explanation{
				Why:  c.Explain,
				Next: declineNext(&c),
			}
		}
	}
}

// Explained is AsError with a local check's FieldError explained, as the
// client explains the refusals it makes itself; an *Error in err's chain is
// returned as it is.
func Explained(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	e, ok := AsError(err)
	if ok {
		e.Explain()
	}
	return e, ok
}

// Explain fills Why and Next from the most specific thing known about e:
// messages Stripe sends without a code, then the decline code, then the code,
// then the HTTP status, then the type; an unknown type is treated as
// invalid_request_error, so no error goes unexplained.
func (e *Error) Explain() {
	key := e.explainKey()
	x, ok := explanations[key]
	if !ok {
		key, x = TypeInvalidRequest, explanations[TypeInvalidRequest]
	}
	e.Why, e.Next, e.NextTUI = x.Why, x.Next, x.TUI
	if e.NextTUI == "" && !e.Local {
		// The pane's steps follow Stripe's refusals; a local check's is
		// shown in the form being typed, where "b opens the form" is none.
		e.NextTUI = tuiNext[key] // explain_tui.go
	}
	if key == CodeTokenAlreadyUsed {
		e.Next, e.NextTUI = newTokenOfKind(e.Message)
	}
	switch {
	case key == TypeInvalidRequest && e.Param == "":
		// The generic advice is about a parameter; with none named, it
		// would send the reader looking for one.
		e.Why = "the request was refused as it stands: the message says why"
		e.Next = "read the message; tokenscope get the object it names shows its state"
		e.NextTUI = "read the message; i and the id it names opens that object"
	case key == CodeTokenAlreadyUsed && e.UsedBy != "":
		e.Why = "this token was already consumed by " + e.UsedBy + ": a token is used once"
	case key == "resource_missing" && e.Local && e.Param != ParamTokenID && e.Param != ParamSource:
		// ValidateObjectID: an id of another kind (an account's acct_),
		// which the token list does not hold and no magic token stands for.
		e.Why = "that is not " + WithArticle(e.Param) + " id, so it was not sent: Stripe has no such " + e.Param
		e.Next = "copy the id from the output of the command that made it, or from `tokenscope get`"
		e.NextTUI = "copy the id from the outcome of the use that made it"
	case key == "resource_missing" && e.Local:
		// ValidateTokenID: the id has no token's shape.
		e.Why = "that is not a token id, so it was not sent: Stripe has no such token"
		e.Next = "copy the id from `tokenscope list`, or try a magic test token such as tok_visa"
		e.NextTUI = "copy the id from the list (y), or try a magic test token such as tok_visa"
	case key == "resource_missing" && (e.Param == "token" || strings.Contains(e.Message, "No such token")):
		e.Why = "no such token for this key: usually a key from another account or mode"
		e.Next = "use the key that created it"
		if e.RequestID != "" {
			e.Next += "; quote request " + e.RequestID + " if you ask Stripe support"
		}
	}
}

// newTokenOfKind is the next step after token_already_used, for the kind
// of token the message names (Stripe's "…more than once: pii_123."): a
// new token of that kind, a card only when it was a card or is unknown.
func newTokenOfKind(msg string) (next, tui string) {
	fields := strings.Fields(msg)
	if len(fields) > 0 {
		id := strings.TrimRight(fields[len(fields)-1], ".")
		if s, ok := KindOfID(id); ok && s.Object == ObjectToken && s.Kind != KindCard && s.Create != nil {
			return "a token is single-use; create a new one (tokenscope create " + s.Create.Command + ")",
				"a token is single-use; create a new " + s.Label + " token: n, then " + s.Label
		}
	}
	return nextNewToken, nextNewTokenTUI
}

func (e *Error) explainKey() string {
	switch {
	case strings.HasPrefix(e.Message, msgRawCardNumbers):
		return codeRawCardRefused
	case strings.Contains(e.Message, msgLivemodeMismatch):
		return "livemode_mismatch"
	case e.Type == "idempotency_error" && e.Code == "":
		return "idempotency_error"
	case e.Code == "" && strings.HasPrefix(e.Message, msgDisputeClosed):
		return msgDisputeClosed
	case e.Code == "" && strings.HasPrefix(e.Message, msgBankVerified):
		return msgBankVerified
	case e.Code == "" && strings.HasPrefix(e.Message, MsgDisputeDeciding):
		return MsgDisputeDeciding
	case strings.HasPrefix(e.Message, MsgBankVerifyLocked):
		return MsgBankVerifyLocked
	case e.Code == "" && (strings.HasPrefix(e.Message, msgPMSpent) || strings.HasPrefix(e.Message, msgPMSpentAttach)):
		return msgPMSpent
	}
	// A code may mean different things by the parameter it names
	// (amount_too_large of a capture's amount_to_capture, of a refund's
	// amount): "code@param" is explained before the code alone.
	if _, ok := explanations[e.Code+"@"+e.Param]; ok && e.Code != "" {
		return e.Code + "@" + e.Param
	}
	for _, k := range []string{e.DeclineCode, e.Code} {
		if _, ok := explanations[k]; ok && k != "" {
			return k
		}
	}
	switch {
	case e.HTTPStatus == 401:
		return "unauthorized"
	case e.HTTPStatus == 429:
		return "rate_limit"
	}
	return e.Type
}
