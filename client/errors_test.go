package client_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tokenscope/tokenscope/internal/testio"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
)

// Errors Stripe sends without a telling code are explained from the message
// or the status, through the whole client (a fake handler plays Stripe).
func TestExplainedFromStripeAnswers(t *testing.T) {
	cases := []struct {
		name, body string
		status     int
		want       string // in Why or Next
	}{
		{"raw card numbers", `{"error":{"type":"invalid_request_error","message":"Sending credit card numbers directly to the Stripe API is generally unsafe. ..."}}`, 402, "tokenscope get tok_visa"},
		{"missing token", testio.MissingToken, 404, "offline emulator has no such object"},
		{"livemode mismatch", `{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such token: 'tok_1'; a similar object exists in test mode, but a live mode key was used to make this request."}}`, 404, "a similar object exists in test mode"},
		{"bad key", `{"error":{"type":"invalid_request_error","message":"Invalid API Key provided: sk_test_****1234"}}`, 401, "API key"},
		{"rate limit", `{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests."}}`, 429, "25 per second"},
		{"idempotency", `{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}}`, 400, "Idempotency-Key"},
		{"server fault", `{"error":{"type":"api_error","message":"boom"}}`, 500, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl, _ := client.New(client.Config{Handler: testio.Answer(c.status, c.body)})
			_, err := cl.Get(t.Context(), "tok_1")
			e, ok := model.AsError(err)
			if !ok || e.HTTPStatus != c.status || !strings.HasPrefix(e.RequestID, "req_fake") {
				t.Fatalf("got %#v", err)
			}
			if !strings.Contains(e.Why+" "+e.Next, c.want) {
				t.Errorf("why %q / next %q lacks %q", e.Why, e.Next, c.want)
			}
		})
	}
}

// A token missing at a server (not the offline emulator) is explained in
// terms of keys, with the request id to quote to Stripe.
func TestMissingTokenAtAServer(t *testing.T) {
	srv := httptest.NewServer(testio.Answer(404, testio.MissingToken))
	defer srv.Close()
	cl, err := client.New(client.Config{Key: "sk_test_x1234", BaseURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	_, err = cl.Get(t.Context(), "tok_1")
	e, _ := model.AsError(err)
	if e == nil || !strings.Contains(e.Why+" "+e.Next, "another account or mode") || !strings.Contains(e.Next, e.RequestID) {
		t.Fatalf("got %#v", err)
	}
}

func TestConnectionErrorIsExit3(t *testing.T) {
	c, _ := client.New(client.Config{Key: "sk_test_x", BaseURL: "http://127.0.0.1:1"})
	_, err := c.Get(t.Context(), "tok_1")
	e, ok := model.AsError(err)
	if !ok || e.Type != model.TypeConnection || e.Why == "" {
		t.Fatalf("got %#v", err)
	}
	if es := c.Log().Entries(); len(es) != 1 || es[0].Err == "" {
		t.Errorf("log %+v: want one entry with the error", es)
	}
}

// A server that is not Stripe (--api-base at a web server, a proxy's error
// page) is named with its status, and its page is quoted by one line of
// text, not printed whole; it is still a server fault (api_error, 5xx).
func TestNonJSONAnswerNamesTheServer(t *testing.T) {
	page := "<!DOCTYPE html>\n<html><head><title>501 Not Implemented</title></head>\n<body><h1>Not Implemented</h1>" +
		strings.Repeat("<p>padding &amp; more padding</p>", 100) + "</body></html>\n"
	url, e := getFromForeignServer(t, http.StatusNotImplemented, page)
	err := error(e)
	want := "the server at " + url + " answered HTTP 501, not Stripe's JSON: 501 Not Implemented"
	if e.Message != want || e.HTTPStatus != 501 || strings.Contains(err.Error(), "padding") || strings.Contains(err.Error(), "<") {
		t.Errorf("message %q (status %d), want %q", e.Message, e.HTTPStatus, want)
	}
	if e.Why == "" || !strings.Contains(e.Next, "--api-base") || e.Type != model.TypeAPIError {
		t.Errorf("why %q, next %q, type %q", e.Why, e.Next, e.Type)
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
func getFromForeignServer(t *testing.T, status int, body string) (string, *model.Error) {
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
	e, ok := model.AsError(err)
	if !ok {
		t.Fatalf("not a *model.Error: %v", err)
	}
	return srv.URL, e
}

// Every failure has a plain why and next: each of Stripe's error types
// without a code, a code no table knows, a type no table knows.
func TestEveryErrorIsExplained(t *testing.T) {
	for _, c := range []struct {
		typ, code string
		status    int
	}{
		{"api_error", "", http.StatusInternalServerError},
		{"card_error", "", http.StatusPaymentRequired},
		{"invalid_request_error", "", http.StatusBadRequest},
		{"idempotency_error", "", http.StatusBadRequest},
		{"authentication_error", "", http.StatusForbidden},
		{"rate_limit_error", "", http.StatusServiceUnavailable},
		{"invalid_request_error", "parameter_unknown_to_tokenscope", http.StatusBadRequest},
		{"brand_new_error", "", http.StatusBadRequest},
	} {
		body := fmt.Sprintf(`{"error":{"type":%q,"code":%q,"message":"m"}}`, c.typ, c.code)
		cl, _ := client.New(client.Config{Handler: testio.Answer(c.status, body)})
		_, err := cl.Get(t.Context(), "tok_1")
		e, ok := model.AsError(err)
		if !ok || e.Why == "" || e.Next == "" {
			t.Errorf("%s %q (HTTP %d): why %q next %q (%v)", c.typ, c.code, c.status, e.Why, e.Next, err)
		}
	}
	if _, err := (&client.Client{}).Get(t.Context(), ""); err == nil {
		t.Fatal("an empty id was accepted")
	} else if e, _ := model.AsError(err); e == nil || e.Why == "" || e.Next == "" {
		t.Errorf("parameter_missing: %#v", err)
	}
	e, _ := model.AsError(func() error { _, err := (&client.Client{}).Get(t.Context(), "tok visa"); return err }())
	if e == nil || e.Why == "" {
		t.Errorf("a bad id: %#v", e)
	}
	if _, err := client.New(client.Config{}); err != nil {
		if e, _ := model.AsError(err); e.Why == "" {
			t.Errorf("no key: %#v", e)
		}
	}
}
