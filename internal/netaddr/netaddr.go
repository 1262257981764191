// Package netaddr holds the one loopback rule that `tokenscope serve`
// (sshserver) and the cli (`emulator --listen`, a key-less --api-base)
// both apply, below both so that neither imports the other for it.
package netaddr

import "net"

// IsLoopback reports whether host (no port) is localhost or a loopback IP.
// An empty host (":2222") listens on every interface, so it is not.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
