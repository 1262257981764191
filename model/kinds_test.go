package model

import (
	"strings"
	"testing"
)

// Every id prefix names one kind, so an id's kind is never ambiguous.
func TestKindPrefixesAreUnique(t *testing.T) {
	seen := map[string]Kind{}
	names := map[[2]string]bool{}
	for _, s := range Kinds() {
		if key := [2]string{s.Object, string(s.Kind)}; names[key] {
			t.Errorf("two entries for the %s kind %s", s.Object, s.Kind)
		} else {
			names[key] = true
		}
		if len(s.Prefixes) == 0 || s.Object == "" || s.Short == "" || s.Label == "" {
			t.Errorf("%s: incomplete entry %+v", s.Kind, s)
		}
		for _, p := range s.Prefixes {
			if !strings.HasSuffix(p, "_") {
				t.Errorf("%s: prefix %q does not end in _", s.Kind, p)
			}
			if k, dup := seen[p]; dup {
				t.Errorf("prefix %q names both %s and %s", p, k, s.Kind)
			}
			seen[p] = s.Kind
		}
	}
	for id, want := range map[string]Kind{"tok_visa": KindCard, "btok_1Qx": KindBank, "pii_1": KindPII, "ct_1": KindAccount, "cpt_1": KindPerson, "cvctok_1": KindCVCUpdate} {
		if s, ok := KindOfID(id); !ok || s.Kind != want {
			t.Errorf("KindOfID(%q) = %v, want %s", id, s, want)
		}
	}
	if s, ok := KindOfID("cus_1"); ok && s.Object == ObjectToken {
		t.Errorf("cus_1 is not a token")
	}
	if got := strings.Join(TokenIDPrefixes, " "); got != "tok_ btok_ pii_ ct_ cpt_ cvctok_" {
		t.Errorf("TokenIDPrefixes = %s", got)
	}
}

func TestKindShort(t *testing.T) {
	for k, want := range map[Kind]string{KindCard: "card", KindBank: "bank", KindPII: "pii", KindAccount: "acct", "": "?", "source": "source"} {
		if got := k.Short(); got != want {
			t.Errorf("%q.Short() = %q, want %q", k, got, want)
		}
	}
}

// The detail fields read a token as the API returned it.
func TestDetailFields(t *testing.T) {
	show := func(raw string, k Kind) map[string]string {
		f, err := DecodeFields([]byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		s, _ := SpecOf(k)
		out := map[string]string{}
		for _, d := range s.Fields {
			out[d.Label] = d.Show(f)
		}
		return out
	}
	card := show(cardTokenJSON, KindCard)
	for label, want := range map[string]string{"brand": "Visa (credit, US)", "number": "•••• •••• •••• 4242", "expires": "08/2030", "cvc_check": "pass"} {
		if card[label] != want {
			t.Errorf("card %s = %q, want %q", label, card[label], want)
		}
	}
	bank := show(bankTokenJSON, KindBank)
	for label, want := range map[string]string{"bank_name": "STRIPE TEST BANK", "last4": "•••• 6789", "routing": "110000000", "status": "new"} {
		if bank[label] != want {
			t.Errorf("bank %s = %q, want %q", label, bank[label], want)
		}
	}
	if none := show(bankTokenJSON, KindCard); none["number"] != "" || none["expires"] != "" || none["brand"] != "" {
		t.Errorf("card fields of a bank token: %v", none)
	}
}

// The chooser says what a kind of token does here. A 3D Secure test card
// can only be declined (authentication_required: tokenscope completes no
// authentication), so the card's line must not offer 3D Secure.
func TestCardAboutClaimsOnlyWhatWorks(t *testing.T) {
	spec, _ := SpecOf(KindCard)
	for _, c := range Cards {
		if c.Outcome.DeclineCode == "authentication_required" && strings.Contains(spec.About, "3D Secure") {
			t.Fatalf("card About %q offers 3D Secure, but %s only declines (authentication_required)", spec.About, c.Name)
		}
	}
}
