package handlers

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// OWASP's argon2id parameters (Password Storage Cheat Sheet): 19 MiB of
// memory, two passes, one lane.
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// hashSlots bounds how many hashes are computed at once: each takes 19 MiB
// and a core for tens of milliseconds, so a burst of logins must queue
// rather than exhaust memory.
var hashSlots = make(chan struct{}, max(2, runtime.NumCPU()))

func argon(password string, salt []byte, memory uint32, time uint32, threads uint8) []byte {
	hashSlots <- struct{}{}
	defer func() { <-hashSlots }()
	return argon2.IDKey([]byte(password), salt, time, memory, threads, argonKeyLen)
}

// HashPassword returns the password's argon2id hash in the PHC string form.
func HashPassword(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon(password, salt, argonMemory, argonTime, argonThreads)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

var errBadHash = errors.New("password hash is not in the argon2id form")

// CheckPassword reports whether password matches an argon2id hash made by
// HashPassword (with whatever parameters the hash records).
func CheckPassword(hash, password string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errBadHash
	}
	var memory, time uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &time, &threads); err != nil {
		return false, errBadHash
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return false, errBadHash
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil {
		return false, errBadHash
	}
	got := argon(password, salt, memory, time, threads)
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// dummyHash is checked against when a username does not exist, so that a
// login takes as long whether or not the account exists.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("quiztrainer-no-such-user")
	return h
})
