package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
)

func TestExitCode(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{&client.Error{Type: "card_error", Code: "card_declined", HTTPStatus: 402}, 1},
		{&client.Error{Type: "invalid_request_error", Code: "token_already_used", HTTPStatus: 400}, 1},
		{&client.Error{Type: "invalid_request_error", HTTPStatus: 401}, 1},
		{&client.Error{Type: "invalid_request_error", Code: "rate_limit", HTTPStatus: 429}, 3},
		{&client.Error{Type: "api_error", HTTPStatus: 500}, 3},
		{&client.Error{Type: client.TypeConnection}, 3},
		{&client.Error{Code: "incorrect_number", Local: true}, 2},
		{fmt.Errorf("wrapped: %w", &client.Error{Local: true}), 2},
		{&model.FieldError{Code: "invalid_cvc"}, 2},
		{errors.New("state file unreadable"), 1},
	}
	for _, c := range cases {
		if got := client.ExitCode(c.err); got != c.want {
			t.Errorf("ExitCode(%v) = %d, want %d", c.err, got, c.want)
		}
	}
}

func TestErrorNamesParamCodeAndRequest(t *testing.T) {
	e := &client.Error{Param: "number", Code: "incorrect_number", Message: "Your card number is incorrect.", RequestID: "req_1"}
	want := "number: incorrect_number: Your card number is incorrect. (request req_1)"
	if e.Error() != want {
		t.Errorf("got %q, want %q", e.Error(), want)
	}
	d := &client.Error{Type: "card_error", Code: "card_declined", DeclineCode: "lost_card", Message: "Your card was declined."}
	if !strings.Contains(d.Error(), "card_declined (lost_card)") {
		t.Errorf("decline %q lacks code and decline code", d.Error())
	}
}

// Every decline code and tokenization code of the catalog has an
// explanation, and it is the card's own Explain text.
func TestEveryCatalogCodeExplained(t *testing.T) {
	for _, c := range model.Cards {
		for _, code := range []string{c.Outcome.DeclineCode, c.Outcome.Code, c.TokenizeCode} {
			if code == "" {
				continue
			}
			x, ok := client.Explain(code)
			if !ok || x.Why == "" || x.Next == "" {
				t.Errorf("%s: code %s has no explanation", c.Name, code)
			}
		}
		if d := c.Outcome.DeclineCode; d != "" {
			first, _ := model.CardForDecline(d)
			if x, _ := client.Explain(d); x.Why != first.Explain {
				t.Errorf("%s: Why %q is not the catalog's Explain", d, x.Why)
			}
		}
	}
	for _, code := range []string{"incorrect_number", "invalid_number", "invalid_expiry_month", "invalid_expiry_year",
		"invalid_cvc", "token_already_used", "resource_missing", "rate_limit", "idempotency_error", "test_mode_live_card"} {
		if _, ok := client.Explain(code); !ok {
			t.Errorf("no explanation for %s", code)
		}
	}
}

// Errors Stripe sends without a telling code are explained from the message
// or the status, through the whole client (a fake handler plays Stripe).
func TestExplainedFromStripeAnswers(t *testing.T) {
	cases := []struct {
		name, body string
		status     int
		want       string // in Why or Next
		exit       int
	}{
		{"raw card numbers", `{"error":{"type":"invalid_request_error","message":"Sending credit card numbers directly to the Stripe API is generally unsafe. ..."}}`, 402, "tokenscope get tok_visa", 1},
		{"missing token", missingToken, 404, "another account or mode", 1},
		{"livemode mismatch", `{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such token: 'tok_1'; a similar object exists in test mode, but a live mode key was used to make this request."}}`, 404, "a similar object exists in test mode", 1},
		{"bad key", `{"error":{"type":"invalid_request_error","message":"Invalid API Key provided: sk_test_****1234"}}`, 401, "API key", 1},
		{"rate limit", `{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests."}}`, 429, "25 per second", 3},
		{"idempotency", `{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}}`, 400, "Idempotency-Key", 1},
		{"server fault", `{"error":{"type":"api_error","message":"boom"}}`, 500, "", 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl, _ := client.New(client.Config{Handler: answer(c.status, c.body)})
			_, err := cl.Get(t.Context(), "tok_1")
			e, ok := client.AsError(err)
			if !ok || e.HTTPStatus != c.status || !strings.HasPrefix(e.RequestID, "req_fake") {
				t.Fatalf("got %#v", err)
			}
			if !strings.Contains(e.Why+" "+e.Next, c.want) {
				t.Errorf("why %q / next %q lacks %q", e.Why, e.Next, c.want)
			}
			if c.name == "missing token" && !strings.Contains(e.Next, e.RequestID) {
				t.Errorf("next %q does not quote the request id", e.Next)
			}
			if got := client.ExitCode(err); got != c.exit {
				t.Errorf("exit %d, want %d", got, c.exit)
			}
		})
	}
}

func TestConnectionErrorIsExit3(t *testing.T) {
	c, _ := client.New(client.Config{Key: "sk_test_x", BaseURL: "http://127.0.0.1:1"})
	_, err := c.Get(t.Context(), "tok_1")
	e, ok := client.AsError(err)
	if !ok || e.Type != client.TypeConnection || client.ExitCode(err) != 3 || e.Why == "" {
		t.Fatalf("got %#v", err)
	}
	if es := c.Log().Entries(); len(es) != 1 || es[0].Err == "" {
		t.Errorf("log %+v: want one entry with the error", es)
	}
}

// A server that is not Stripe (--api-base at a web server, a proxy's error
// page) is named with its status, and its page is quoted by one line of
// text, not printed whole; a 5xx still exits 3.
func TestNonJSONAnswerNamesTheServer(t *testing.T) {
	page := "<!DOCTYPE html>\n<html><head><title>501 Not Implemented</title></head>\n<body><h1>Not Implemented</h1>" +
		strings.Repeat("<p>padding &amp; more padding</p>", 100) + "</body></html>\n"
	url, e := getFromForeignServer(t, http.StatusNotImplemented, page)
	err := error(e)
	want := "the server at " + url + " answered HTTP 501, not Stripe's JSON: 501 Not Implemented"
	if e.Message != want || e.HTTPStatus != 501 || strings.Contains(err.Error(), "padding") || strings.Contains(err.Error(), "<") {
		t.Errorf("message %q (status %d), want %q", e.Message, e.HTTPStatus, want)
	}
	if e.Why == "" || !strings.Contains(e.Next, "--api-base") || client.ExitCode(err) != client.ExitTransient {
		t.Errorf("why %q, next %q, exit %d", e.Why, e.Next, client.ExitCode(err))
	}
}

// Whatever a foreign server sends, the quoted line is one line of at most
// 200 characters with no tag and no control character.
func FuzzNonJSONExcerpt(f *testing.F) {
	for _, s := range []string{"", "plain text", "<h1>Bad Gateway</h1>\nnginx", "\x1b]52;c;aGk=\x07evil", strings.Repeat("é", 600), "<a\nb>x</a>", "\n\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		url, e := getFromForeignServer(t, http.StatusBadGateway, body)
		prefix := "the server at " + url + " answered HTTP 502, not Stripe's JSON"
		if !strings.HasPrefix(e.Message, prefix) {
			if json.Valid([]byte(body)) {
				return // JSON is stripe-go's business: it is not a foreign page
			}
			t.Fatalf("message %q", e.Message)
		}
		excerpt := strings.TrimPrefix(strings.TrimPrefix(e.Message, prefix), ": ")
		if utf8.RuneCountInString(excerpt) > 200 || strings.ContainsAny(excerpt, "\n\x1b\x07") || htmlTagRE.MatchString(excerpt) {
			t.Fatalf("excerpt %q", excerpt)
		}
	})
}

var htmlTagRE = regexp.MustCompile(`<[^>]*>`)

// getFromForeignServer retrieves tok_visa from a server on 127.0.0.1 that
// answers status and body to everything, and returns its URL and the error.
func getFromForeignServer(t *testing.T, status int, body string) (string, *client.Error) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	c, err := client.New(client.Config{BaseURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Get(context.Background(), "tok_visa")
	e, ok := client.AsError(err)
	if !ok {
		t.Fatalf("not a *client.Error: %v", err)
	}
	return srv.URL, e
}
