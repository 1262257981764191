package state

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tokenscope/tokenscope/model"
)

// rawCard is a card token as stripe-mock returns it, compacted (~700 bytes).
const rawCard = `{"id":"%s","object":"token","card":{"id":"card_1QxYz8Lk2mN3pQ4rAbCdEfGh","object":"card","address_city":null,"address_country":null,"address_line1":null,"address_line1_check":null,"address_line2":null,"address_state":null,"address_zip":null,"address_zip_check":null,"brand":"Visa","country":"US","cvc_check":"unchecked","dynamic_last4":null,"exp_month":12,"exp_year":2030,"fingerprint":"Xt5EWLLDS7FJjR1c","funding":"credit","last4":"4242","metadata":{},"name":null,"networks":{"preferred":null},"regulated_status":"unregulated","tokenization_method":null,"wallet":null},"client_ip":"203.0.113.7","created":1735689600,"livemode":false,"type":"card","used":false}`

// cardRecord builds a realistic record through model.NewRecord, as the
// client does. The input is fixed, so an error is a broken test: panic.
func cardRecord(id string) model.Record {
	r, err := model.NewRecord([]byte(fmt.Sprintf(rawCard, id)), "req_8aKq2LmN3oPqRs", time.Date(2025, 1, 2, 3, 4, 5, 123456789, time.UTC))
	if err != nil {
		panic(err)
	}
	return r
}

// tokID makes a Stripe-like token id with few digits, as real ones have.
func tokID(prefix string, i int) string {
	return fmt.Sprintf("tok_1Qx%sYz%dLk", prefix, i)
}

func openStore(tb testing.TB, dir string, mutate ...func(*Options)) *Store {
	tb.Helper()
	opts := Options{Dir: dir}
	for _, m := range mutate {
		m(&opts)
	}
	s, err := Open(opts)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// addTokens is an Update that prepends the given ids to workspace ws.
func addTokens(tb testing.TB, s *Store, ws string, ids ...string) *State {
	tb.Helper()
	st, err := s.Update(context.Background(), "create", func(st *State) error {
		for _, id := range ids {
			st.Workspace(ws).Upsert(cardRecord(id))
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// Helper processes: the test binary re-executed with helperEnv set runs
// one of these instead of the tests, so that locking and crashes are tested
// across real processes, not just goroutines.
const (
	helperEnv    = "TOKENSCOPE_STATE_HELPER"     // "writer PREFIX M" or "grower"
	helperDirEnv = "TOKENSCOPE_STATE_HELPER_DIR" // the state dir
)

// helperCmd runs the helper named by args (see helpers) on dir.
func helperCmd(dir, args string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+args, helperDirEnv+"="+dir)
	cmd.Stderr = os.Stderr
	return cmd
}

var helpers = map[string]func(dir string, args []string) error{
	// writer PREFIX M: M Updates, each adding one token.
	"writer": func(dir string, args []string) error {
		m, _ := strconv.Atoi(args[1])
		s, err := Open(Options{Dir: dir, MaxTokens: -1, LockTimeout: time.Minute})
		if err != nil {
			return err
		}
		for i := 0; i < m; i++ {
			id := tokID(args[0], i)
			if _, err := s.Update(context.Background(), "create", func(st *State) error {
				st.Workspace("offline").Upsert(cardRecord(id))
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	},
	// grower: Updates forever, each adding growBy tokens, so every write is
	// bigger (and slower) than the last.
	"grower": func(dir string, _ []string) error {
		s, err := Open(Options{Dir: dir, MaxTokens: -1, LockTimeout: time.Minute})
		if err != nil {
			return err
		}
		for i := 0; ; i++ {
			if _, err := s.Update(context.Background(), "create", grow); err != nil {
				return err
			}
			if i == 0 {
				fmt.Println("ready")
			}
		}
	},
}

const growBy = 50

// grow is an Update fn that adds growBy new tokens: after n writes of it a
// whole state holds n*growBy tokens.
func grow(st *State) error {
	w := st.Workspace("offline")
	base := len(w.Tokens)
	for j := 0; j < growBy; j++ {
		w.Upsert(cardRecord(tokID("grow", base+j)))
	}
	return nil
}

func TestMain(m *testing.M) {
	if name := os.Getenv(helperEnv); name != "" {
		args := strings.Fields(name)
		if err := helpers[args[0]](os.Getenv(helperDirEnv), args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}
