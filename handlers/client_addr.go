package handlers

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// proxySet is the reverse proxies whose X-Forwarded-For is believed: single
// addresses or CIDR ranges.
type proxySet []netip.Prefix

// parseProxies reads --trusted-proxy's list: "10.0.0.5", "10.0.0.0/8", "::1".
func parseProxies(list []string) (proxySet, error) {
	var out proxySet
	for _, s := range list {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if strings.Contains(s, "/") {
			p, err := netip.ParsePrefix(s)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q is not an address or CIDR range", s)
			}
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q is not an address or CIDR range", s)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

func (ps proxySet) trusts(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range ps {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// clientAddr is the address rate limits count against. Without trusted
// proxies it is the connection's address and X-Forwarded-For is ignored.
// Behind them, X-Forwarded-For is read from the right: each trusted proxy
// appends the address it was reached from, so the first address from the
// right that is not a trusted proxy is the client; what lies left of it was
// written by the client and may be forged.
func (ps proxySet) clientAddr(remote netip.Addr, forwardedFor []string) netip.Addr {
	remote = remote.Unmap()
	if len(ps) == 0 || !ps.trusts(remote) {
		return remote
	}
	var hops []string
	for _, h := range forwardedFor {
		hops = append(hops, strings.Split(h, ",")...)
	}
	client := remote
	for i := len(hops) - 1; i >= 0; i-- {
		a, ok := parseHop(hops[i])
		if !ok {
			// A trusted proxy writes real addresses; anything else came
			// from the client, so the hop that passed it on is as far as
			// can be known.
			return client
		}
		client = a
		if !ps.trusts(a) {
			return a
		}
	}
	return client
}

// parseHop reads one X-Forwarded-For entry: an address, possibly with a
// port ("203.0.113.7:5123", "[2001:db8::1]:443").
func parseHop(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap(), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	return netip.Addr{}, false
}

// clientIP is the client's address as text, the key of per-address limits.
func (h *Handler) clientIP(c *fiber.Ctx) string {
	remote, _ := netip.AddrFromSlice(c.Context().RemoteIP())
	var forwarded []string
	if len(h.proxies) > 0 {
		c.Request().Header.VisitAll(func(k, v []byte) {
			if strings.EqualFold(string(k), fiber.HeaderXForwardedFor) {
				forwarded = append(forwarded, string(v))
			}
		})
	}
	return h.proxies.clientAddr(remote, forwarded).String()
}

// CheckTrustedProxies says what is wrong with a --trusted-proxy list, if anything.
func CheckTrustedProxies(list []string) error {
	_, err := parseProxies(list)
	return err
}

// clientIP is the client's address, for code that has no Handler at hand.
func clientIP(c *fiber.Ctx) string {
	if h, ok := c.Locals(handlerKey).(*Handler); ok {
		return h.clientIP(c)
	}
	return c.IP()
}
