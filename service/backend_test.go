package service

import (
	"strings"
	"testing"
)

func TestChooseBackend(t *testing.T) {
	cases := []struct {
		name          string
		offline       bool
		base, key     string
		want          BackendConfig
		wantErrSubstr string
	}{
		{name: "nothing is offline", want: BackendConfig{Offline: true}},
		{name: "--offline wins over a key", offline: true, key: "sk_test_x", want: BackendConfig{Offline: true}},
		{name: "a key is Stripe", key: "sk_test_x", want: BackendConfig{Key: "sk_test_x"}},
		{name: "a base URL, slash trimmed", base: "http://127.0.0.1:12111/", want: BackendConfig{BaseURL: "http://127.0.0.1:12111"}},
		{name: "a remote base with a key", base: "https://example.com", key: "sk_test_x", want: BackendConfig{Key: "sk_test_x", BaseURL: "https://example.com"}},
		{name: "a remote base needs a key", base: "https://example.com", wantErrSubstr: "needs a key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ChooseBackend(c.offline, c.base, c.key)
			switch {
			case c.wantErrSubstr != "":
				if err == nil || !strings.Contains(err.Error(), c.wantErrSubstr) {
					t.Fatalf("err %v, want %q", err, c.wantErrSubstr)
				}
			case err != nil || got != c.want:
				t.Fatalf("= %+v, %v; want %+v", got, err, c.want)
			}
		})
	}
}
