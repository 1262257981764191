package model

import (
	"bytes"
	"testing"
)

func TestLooksLikeCardNumber(t *testing.T) {
	for in, want := range map[string]string{
		"4000056655665556":           "5556",
		"Jenny 4000 0566 5566 5556":  "5556",
		"4000-0566-5566-5556":        "5556",
		"amex 3782 822463 10005":     "0005",
		"Jenny Rosen":                "",
		"94107":                      "",
		"94107-1234":                 "",
		"4242424242424241":           "", // fails Luhn
		"42424242424242424242":       "", // 20 digits: no card
		"4242  4242 4242 4242":       "", // a double space splits the run
		"call 415 555 0100 ext 4242": "",
	} {
		last4, ok := LooksLikeCardNumber(in)
		if ok != (want != "") || last4 != want {
			t.Errorf("LooksLikeCardNumber(%q) = %q, %v; want %q", in, last4, ok, want)
		}
	}
}

func TestFindCardNumberJoiners(t *testing.T) {
	dashed := []byte("4242-4242-4242-4242")
	if off, _ := FindCardNumber(dashed, JoinSpaces); off >= 0 {
		t.Errorf("dashes joined with JoinSpaces: offset %d", off)
	}
	if off, last4 := FindCardNumber(dashed, JoinSpacesAndDashes); off != 0 || last4 != "4242" {
		t.Errorf("FindCardNumber(dashed, JoinSpacesAndDashes) = %d, %q", off, last4)
	}
	uuid := []byte("550e8400-e29b-41d4-a716-446655440000")
	if off, _ := FindCardNumber(uuid, JoinSpaces); off >= 0 {
		t.Errorf("a UUID is a card number at %d", off)
	}
	if off, _ := FindCardNumber([]byte(`{"name":"x 4242424242424242"}`), JoinSpaces); off != 11 {
		t.Errorf("offset %d, want 11", off)
	}
}

func FuzzFindCardNumber(f *testing.F) {
	for _, seed := range []string{"4242424242424242", "x 4000 0566 5566 5556 y", "4000-0566-5566-5556", "", "1 2 3 4 5 6 7 8 9 0 1 2 3", "--4-"} {
		f.Add([]byte(seed), seed != "" && seed[0] == '4')
	}
	f.Fuzz(func(t *testing.T, data []byte, dashes bool) {
		joiners := JoinSpaces
		if dashes {
			joiners = JoinSpacesAndDashes
		}
		off, last4 := FindCardNumber(data, joiners)
		if off < 0 {
			return
		}
		// What it reports is real: digits from off on, ending in last4.
		if !isDigit(data[off]) || len(last4) != 4 {
			t.Fatalf("reported offset %d last4 %q in %q", off, last4, data)
		}
		rest := data[off:]
		for i := 0; i < len(joiners); i++ {
			rest = bytes.ReplaceAll(rest, []byte{joiners[i]}, nil)
		}
		if !bytes.Contains(rest, []byte(last4)) {
			t.Fatalf("last4 %q not in %q", last4, data[off:])
		}
	})
}

func TestLuhn(t *testing.T) {
	for number, want := range map[string]bool{"4242424242424242": true, "4242424242424241": false, "378282246310005": true, "79927398713": true, "79927398710": false, "": false, "42a2": false} {
		if got := Luhn(number); got != want {
			t.Errorf("Luhn(%q) = %v, want %v", number, got, want)
		}
	}
}
