package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v85"

	"github.com/tokenscope/tokenscope/model"
)

const testKey = "sk_test_emulator0000000000000000000001"

// fixedNow is the emulator's clock in tests.
var fixedNow = time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)

func clock() time.Time { return fixedNow }

// newServer serves a fresh emulator on 127.0.0.1 (httptest binds loopback).
func newServer(t testing.TB, dir string) (*Emulator, *httptest.Server) {
	t.Helper()
	e, err := New(Options{Dir: dir, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(specChecked(t, e))
	t.Cleanup(srv.Close)
	return e, srv
}

// newSpecServer serves e on loopback, checking its answers against the
// spec, and returns its URL.
func newSpecServer(t testing.TB, e *Emulator) string {
	t.Helper()
	srv := httptest.NewServer(specChecked(t, e))
	t.Cleanup(srv.Close)
	return srv.URL
}

// newClient is stripe-go pointed at the emulator, silent and without retries
// so every test sees exactly one request per call.
func newClient(url, key string) *stripe.Client {
	return stripe.NewClient(key, stripe.WithBackends(stripe.NewBackendsWithConfig(&stripe.BackendConfig{
		URL:               stripe.String(url),
		MaxNetworkRetries: stripe.Int64(0),
		LeveledLogger:     &stripe.LeveledLogger{Level: stripe.LevelNull},
	})))
}

// cardParams are the inputs model's preset makes for a catalog card.
func cardParams(t testing.TB, number string) *stripe.TokenCreateParams {
	t.Helper()
	cvc := "123"
	if model.Brand(number) == model.BrandAmex {
		cvc = "1234"
	}
	return &stripe.TokenCreateParams{Card: &stripe.CardParams{
		Number:   stripe.String(number),
		ExpMonth: stripe.String("12"),
		ExpYear:  stripe.String(strconv.Itoa(fixedNow.Year() + 5)),
		CVC:      stripe.String(cvc),
		Name:     stripe.String("Jenny Rosen"),
	}}
}

func bankParams(account string) *stripe.TokenCreateParams {
	return &stripe.TokenCreateParams{BankAccount: &stripe.BankAccountParams{
		Country:           stripe.String("US"),
		Currency:          stripe.String("usd"),
		RoutingNumber:     stripe.String(model.TestRouting),
		AccountNumber:     stripe.String(account),
		AccountHolderName: stripe.String("Jenny Rosen"),
		AccountHolderType: stripe.String("individual"),
	}}
}

func chargeWith(source string) *stripe.ChargeCreateParams {
	return &stripe.ChargeCreateParams{
		Amount:   stripe.Int64(1000),
		Currency: stripe.String("usd"),
		Source:   &stripe.PaymentSourceSourceParams{Token: stripe.String(source)},
	}
}

// stripeErr asserts err is Stripe's error with this status, type and code.
func stripeErr(t testing.TB, err error, status int, typ stripe.ErrorType, code string) *stripe.Error {
	t.Helper()
	var se *stripe.Error
	if !errors.As(err, &se) {
		t.Fatalf("want a *stripe.Error %d %s %s, got %v", status, typ, code, err)
	}
	if se.HTTPStatusCode != status || se.Type != typ || string(se.Code) != code {
		t.Fatalf("want %d %s %s, got %d %s %s (%s)", status, typ, code, se.HTTPStatusCode, se.Type, se.Code, se.Msg)
	}
	if se.RequestID == "" {
		t.Errorf("error without a request id: %+v", se)
	}
	return se
}

var ctx = context.Background()

// do sends a raw request through the handler, in process.
func do(t testing.TB, h http.Handler, method, path, key string, body string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.RemoteAddr = ""
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	checkSpec(t, req, rec.Code, rec.Header(), rec.Body.Bytes())
	return rec
}

// errorBody decodes Stripe's error JSON.
func errorBody(t testing.TB, rec *httptest.ResponseRecorder) errorJSON {
	t.Helper()
	var out struct{ Error errorJSON }
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatalf("error body %q: %v", rec.Body.String(), err)
	}
	return out.Error
}

// stored counts the objects of a collection in e's memory or log store.
func stored(e *Emulator, collection string) int {
	switch s := e.store.(type) {
	case *memoryStore:
		return len(s.st.colls[collection].byIDOrNil())
	case *logStore:
		s.mu.RLock()
		defer s.mu.RUnlock()
		return len(s.st.colls[collection].byIDOrNil())
	}
	panic("stored: unknown store")
}

// fakeT records whether a check failed, to prove a check can fail.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Fatalf(string, ...any) { f.failed = true }
