package client_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
	"github.com/tokenscope/tokenscope/internal/testio"
	"github.com/tokenscope/tokenscope/model"
)

// A card number, a path or an id with a space given as a token id is
// refused locally (exit 2) by Get and Use (and so by the service):
// nothing reaches the server.
func TestBadTokenIDsAreNeverSent(t *testing.T) {
	h := &testio.Counting{H: testio.Answer(http.StatusNotFound, testio.MissingToken)}
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
	if n := h.N.Load(); n != 0 {
		t.Fatalf("%d requests reached the server, want 0", n)
	}
}
