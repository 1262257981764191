package sshserver

import (
	"fmt"
	"os"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"
)

// Fingerprint is the key's SHA256 fingerprint as ssh-keygen -l prints it
// ("SHA256:…"): it names the key in logs and the key's offline workspace.
func Fingerprint(key ssh.PublicKey) string {
	if key == nil {
		return ""
	}
	return gossh.FingerprintSHA256(key)
}

// readKeys parses an authorized_keys file. Lines that are not keys are
// skipped (as sshd does), so one bad line does not lock everybody out;
// options such as from= or command= are not enforced.
func readKeys(path string) ([]ssh.PublicKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var keys []ssh.PublicKey
	for len(data) > 0 {
		key, _, _, rest, err := gossh.ParseAuthorizedKey(data)
		if err != nil {
			break // no key in the rest of the file
		}
		keys = append(keys, key)
		data = rest
	}
	return keys, nil
}

func countKeys(path string) (int, error) {
	keys, err := readKeys(path)
	return len(keys), err
}

// authorized reports whether key is admitted now: any key with Open,
// otherwise one listed in the authorized keys file as it reads today.
func (s *Server) authorized(key ssh.PublicKey) bool {
	if key == nil {
		return false
	}
	if s.cfg.Open {
		return true
	}
	keys, err := readKeys(s.cfg.AuthorizedKeys)
	if err != nil {
		s.log.Warn("cannot read authorized keys", "path", s.cfg.AuthorizedKeys, "err", err)
		return false
	}
	for _, k := range keys {
		if ssh.KeysEqual(k, key) {
			return true
		}
	}
	return false
}

// publicKeyAuth is the only authentication offered (no password, no
// keyboard-interactive).
func (s *Server) publicKeyAuth(ctx ssh.Context, key ssh.PublicKey) bool {
	if s.authorized(key) {
		return true
	}
	s.log.Warn("key refused", "user", ctx.User(), "remote", ctx.RemoteAddr().String(), "key", Fingerprint(key))
	return false
}

// recheck verifies again, as soft-serve does, that the session's key (the
// one the handshake proved, which charmbracelet/ssh takes from the
// connection's permissions) is still authorized before the TUI starts: a
// key removed from the file since the handshake gets no TUI.
func (s *Server) recheck(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if !s.authorized(sess.PublicKey()) {
			s.log.Warn("key no longer authorized", "user", sess.User(), "remote", sess.RemoteAddr().String(), "key", Fingerprint(sess.PublicKey()))
			wish.Fatalln(sess, fmt.Sprintf("tokenscope: key %s is not authorized", Fingerprint(sess.PublicKey())))
			return
		}
		next(sess)
	}
}
