package stripemock

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestStartAnswersOnLoopback(t *testing.T) {
	base := Start(t)
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("base URL %q is not on loopback", base)
	}
	req, _ := http.NewRequest(http.MethodGet, base+"/v1/tokens/tok_visa", nil)
	req.Header.Set("Authorization", "Bearer sk_test_123")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var tok struct{ Object string }
	if err := json.NewDecoder(res.Body).Decode(&tok); err != nil || res.StatusCode != 200 || tok.Object != "token" {
		t.Fatalf("GET /v1/tokens/tok_visa: status %d, object %q, err %v", res.StatusCode, tok.Object, err)
	}
}

func TestStartSharesOneServer(t *testing.T) {
	a := Start(t)
	t.Run("nested", func(t *testing.T) {
		if b := Start(t); b != a {
			t.Fatalf("second Start gave %s, want the shared %s", b, a)
		}
	})
	// The nested test's cleanup must not have stopped the server.
	res, err := http.Get(a + "/v1/tokens/tok_visa")
	if err != nil {
		t.Fatalf("server stopped after nested cleanup: %v", err)
	}
	res.Body.Close()
}
