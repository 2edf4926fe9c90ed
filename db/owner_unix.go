//go:build unix

package db

import (
	"os"
	"syscall"
)

// fileOwner returns the user id owning a file and the one the program runs as.
func fileOwner(fi os.FileInfo) (owner, me int, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return int(st.Uid), os.Geteuid(), true
}
