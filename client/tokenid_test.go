package client_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/model"
)

// A card number, a path or an id with a space given as a token id is
// refused locally (exit 2) by Get and Use, Session.Fetch and Refresh:
// nothing reaches the server.
func TestBadTokenIDsAreNeverSent(t *testing.T) {
	h := &counting{h: answer(http.StatusNotFound, missingToken)}
	c, err := client.New(client.Config{Handler: h})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	for _, id := range []string{"4242424242424242", "4000 0000 0000 9995", "../../etc/passwd", "tok visa", "tok_a/../b"} {
		_, err := c.Get(ctx, id)
		e, ok := model.AsError(err)
		if !ok || !e.Local || e.Param != model.ParamTokenID || e.Why == "" {
			t.Errorf("Get(%q) = %#v", id, err)
			continue
		}
		if strings.Contains(e.Error(), "4242424242424242") || strings.Contains(e.Error(), "0000 0000") {
			t.Errorf("Get(%q) repeats the number: %v", id, e)
		}
		for _, kind := range []model.UseKind{model.UseCharge, model.UseCustomer} {
			_, err = c.Use(ctx, model.UseRequest{TokenID: id, Kind: kind, Amount: 100, Currency: "usd"})
			if e, ok := model.AsError(err); !ok || !e.Local || e.Param != model.ParamSource {
				t.Errorf("Use(%q, %s) = %#v", id, kind, err)
			}
		}
	}
	if e, _ := model.AsError(func() error { _, err := c.Get(ctx, "tok visa"); return err }()); e == nil || !strings.Contains(e.Message, "'tok visa'") {
		t.Errorf("the id is not shown as typed: %v", e)
	}
	if n := h.n.Load(); n != 0 {
		t.Fatalf("%d requests reached the server, want 0", n)
	}
}

// Refresh checks every id it is given before sending any request, so one
// card number among real ids sends nothing and is not echoed.
func TestRefreshChecksIDsFirst(t *testing.T) {
	dir := t.TempDir()
	s := newSession(t, dir)
	h := &counting{h: answer(http.StatusNotFound, missingToken)}
	c, _ := client.New(client.Config{Handler: h})
	s.API = c
	_, err := s.Refresh(t.Context(), []string{"tok_visa", "4242424242424242"}, nil)
	e, ok := model.AsError(err)
	if !ok || !e.Local || strings.Contains(err.Error(), "4242424242424242") {
		t.Fatalf("Refresh = %#v", err)
	}
	if n := h.n.Load(); n != 0 {
		t.Fatalf("%d requests sent, want 0", n)
	}
}
