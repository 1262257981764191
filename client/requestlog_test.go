package client_test

import (
	"strings"
	"testing"

	"github.com/tokenscope/tokenscope/client"
)

func TestRedactForm(t *testing.T) {
	cases := map[string]string{
		"card[number]=4242424242424242&card[cvc]=123&card[exp_month]=12":                   "card[number]=•••• 4242&card[cvc]=(sensitive)&card[exp_month]=12",
		"pii[id_number]=000000000":                                                         "pii[id_number]=(sensitive)",
		"bank_account[account_number]=000123456789&bank_account[routing_number]=110000000": "bank_account[account_number]=•••• 6789&bank_account[routing_number]=110000000",
		"account[individual][id_number]=123456789":                                         "account[individual][id_number]=(sensitive)",
		"card%5Bnumber%5D=4000+0000+0000+0002":                                             "card[number]=•••• 0002",
		"source=tok_visa&amount=1000":                                                      "source=tok_visa&amount=1000",
		"":                                                                                 "",
		"card[number]=%zz4242424242424242":                                                 "(unreadable body)",
	}
	for in, want := range cases {
		if got := client.RedactForm(in); got != want {
			t.Errorf("RedactForm(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzRedactForm: whatever the body, a card number, CVC or id number given
// under a sensitive key never comes out whole.
func FuzzRedactForm(f *testing.F) {
	f.Add("card[number]=4242424242424242&card[cvc]=987", "4242424242424242")
	f.Add("a=b&pii[id_number]=555667777", "555667777")
	f.Add("bank_account[account_number]=000111111116", "000111111116")
	f.Add("x[y][number]=5555555555554444&&=", "5555555555554444")
	f.Fuzz(func(t *testing.T, prefix, secret string) {
		if len(secret) < 5 || strings.ContainsAny(secret, "&=%+") {
			return
		}
		for _, key := range []string{"card[number]", "card[cvc]", "pii[id_number]", "bank_account[account_number]"} {
			body := key + "=" + secret
			if p := strings.TrimRight(prefix, "&"); p != "" && !strings.ContainsAny(p, "%") {
				body = p + "&" + body
			}
			out := client.RedactForm(body)
			if strings.Contains(out, key+"="+secret) {
				t.Fatalf("RedactForm(%q) = %q shows the secret", body, out)
			}
		}
	})
}

func TestRequestLogRingKeepsNewestOldestFirst(t *testing.T) {
	c := offlineClientNoEmu(t, 3)
	for _, id := range []string{"tok_a", "tok_b", "tok_c", "tok_d", "tok_e"} {
		_, _ = c.Get(t.Context(), id)
	}
	var got []string
	for _, e := range c.Log().Entries() {
		got = append(got, e.Path)
	}
	want := "/v1/tokens/tok_c /v1/tokens/tok_d /v1/tokens/tok_e"
	if strings.Join(got, " ") != want {
		t.Fatalf("entries %v, want %s", got, want)
	}
}
