package sshserver

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"github.com/tokenscope/tokenscope/internal/fsutil"
)

// Fingerprint is the key's SHA256 fingerprint as ssh-keygen -l prints it
// ("SHA256:…"): it names the key in logs and the key's offline workspace.
func Fingerprint(key ssh.PublicKey) string {
	if key == nil {
		return ""
	}
	return gossh.FingerprintSHA256(key)
}

// badLine is a line of an authorized_keys file that holds no usable key.
// It keeps what may be logged: the line number and the key type the line
// names, never the key material or the comment.
type badLine struct {
	n   int
	typ string // "" when the line names no known key type
}

// parseKeys parses an authorized_keys file line by line, as sshd does:
// blank lines and comments are ignored, and a line that is not a key is
// returned in bad and skipped, so one bad line does not lock out the keys
// after it. Options such as from= or command= are not enforced.
func parseKeys(data []byte) (keys []ssh.PublicKey, bad []badLine) {
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			bad = append(bad, badLine{n: i + 1, typ: keyType(line)})
			continue
		}
		keys = append(keys, key)
	}
	return keys, bad
}

// keyType is the first field of line that names an SSH key type
// (ssh-ed25519, ecdsa-sha2-nistp256, sk-ssh-ed25519@openssh.com, ...),
// skipping any options field before it.
func keyType(line []byte) string {
	for _, f := range bytes.Fields(line) {
		for _, prefix := range []string{"ssh-", "ecdsa-", "sk-"} {
			if bytes.HasPrefix(f, []byte(prefix)) {
				return string(f)
			}
		}
	}
	return ""
}

func countKeys(path string) (int, error) {
	data, err := readKeysFile(path)
	keys, _ := parseKeys(data)
	return len(keys), err
}

// readKeysFile reads an authorized keys file that only its owner can
// change (fsutil.CheckTrusted): one others could write in would let them
// add their own key.
func readKeysFile(path string) ([]byte, error) {
	if err := fsutil.CheckTrusted(path); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// authorizedKeys reads the authorized keys file as it is now (it is read
// on every login, so an edit takes effect at once). Lines that are not
// keys go to the log, naming the file and line, once for each content of
// the file, not on every login.
func (s *Server) authorizedKeys() ([]ssh.PublicKey, error) {
	path := s.cfg.AuthorizedKeys
	data, err := readKeysFile(path)
	if err != nil {
		return nil, err
	}
	keys, bad := parseKeys(data)
	sum := sha256.Sum256(data)
	s.mu.Lock()
	report := sum != s.keysReported
	s.keysReported = sum
	s.mu.Unlock()
	if report {
		for _, b := range bad {
			s.log.Warn("authorized keys: skipping a line that is not a public key", "file", path, "line", b.n, "type", b.typ)
		}
	}
	return keys, nil
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
	keys, err := s.authorizedKeys()
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
