package handlers

import (
	"fmt"
	"net/netip"
	"net/url"
	"testing"
)

func TestClientAddrWalksForwardedForFromTheRight(t *testing.T) {
	t.Parallel()
	proxies, err := parseProxies([]string{"127.0.0.1", "10.0.0.0/8", "::1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, remote string
		proxies      proxySet
		header       []string
		want         string
	}{
		{"without trusted proxies the header is ignored", "192.0.2.1", nil, []string{"203.0.113.9"}, "192.0.2.1"},
		{"a connection from an untrusted address keeps its own address", "192.0.2.1", proxies, []string{"203.0.113.9"}, "192.0.2.1"},
		{"one trusted proxy gives the address it was reached from", "127.0.0.1", proxies, []string{"203.0.113.9"}, "203.0.113.9"},
		{"a forged address left of the client's is not believed", "127.0.0.1", proxies, []string{"10.9.3.1, 198.51.100.250"}, "198.51.100.250"},
		{"trusted proxies in a CIDR range are skipped", "127.0.0.1", proxies, []string{"1.2.3.4, 198.51.100.250, 10.1.2.3, 10.0.0.7"}, "198.51.100.250"},
		{"several headers are one list", "127.0.0.1", proxies, []string{"1.2.3.4", "198.51.100.250, 10.0.0.7"}, "198.51.100.250"},
		{"an address with a port", "127.0.0.1", proxies, []string{"198.51.100.250:5123"}, "198.51.100.250"},
		{"IPv6 through an IPv6 proxy", "::1", proxies, []string{"2001:db8::1"}, "2001:db8::1"},
		{"an entry that is not an address stops at the proxy that passed it", "127.0.0.1", proxies, []string{"198.51.100.250, garbage, 10.0.0.7"}, "10.0.0.7"},
		{"no header gives the proxy", "127.0.0.1", proxies, nil, "127.0.0.1"},
		{"every hop trusted gives the leftmost", "127.0.0.1", proxies, []string{"10.0.0.1, 10.0.0.2"}, "10.0.0.1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.proxies.clientAddr(netip.MustParseAddr(tc.remote), tc.header)
			if got.String() != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
	if _, err := parseProxies([]string{"10.0.0.0/33"}); err == nil {
		t.Error("a bad CIDR range was accepted")
	}
}

// wrongCodes posts n wrong class codes, each through a fresh client whose
// X-Forwarded-For the header function gives, and returns the statuses.
func wrongCodes(ta *testApp, n int, header func(i int) string) []int {
	var out []int
	for i := range n {
		c := ta.client()
		xff := header(i)
		c.do("GET", "/", nil, "X-Forwarded-For", xff)
		r := c.post("/join", url.Values{"code": {"ABC-DEF"}, "display_name": {"Guess"}}, "X-Forwarded-For", xff)
		out = append(out, r.status)
	}
	return out
}

func contains429(statuses []int) bool {
	for _, s := range statuses {
		if s == 429 {
			return true
		}
	}
	return false
}

// The test client's connections come from 0.0.0.0.
func TestJoinLimitCannotBeDodgedWithAForgedForwardedFor(t *testing.T) {
	t.Run("behind a trusted proxy, the address left of the client's is ignored", func(t *testing.T) {
		ta := newTestApp(t)
		ta.app = New(ta.store, nopLog(), nil, Config{TrustedProxies: []string{"0.0.0.0"}})
		got := wrongCodes(ta, 30, func(i int) string { return fmt.Sprintf("10.9.%d.1, 198.51.100.250", i) })
		if !contains429(got) {
			t.Errorf("30 wrong codes from one client with forged addresses: statuses %v, want a 429", got)
		}
	})
	t.Run("without a trusted proxy the header is ignored", func(t *testing.T) {
		ta := newTestApp(t)
		got := wrongCodes(ta, 30, func(i int) string { return fmt.Sprintf("10.9.%d.1", i) })
		if !contains429(got) {
			t.Errorf("30 wrong codes from one connection address: statuses %v, want a 429", got)
		}
	})
	t.Run("clients behind a trusted proxy are counted apart", func(t *testing.T) {
		ta := newTestApp(t)
		ta.app = New(ta.store, nopLog(), nil, Config{TrustedProxies: []string{"0.0.0.0", "198.51.100.0/24"}})
		got := wrongCodes(ta, 30, func(i int) string { return fmt.Sprintf("203.0.113.%d, 198.51.100.250", i) })
		if contains429(got) {
			t.Errorf("30 clients with one wrong code each: statuses %v, want none refused", got)
		}
	})
}
