package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
)

// Config is what the flags and environment say, shared by the subcommands.
type Config struct {
	Addr     string
	DB       string
	BaseURL  string
	LogLevel slog.Level
	Version  bool
}

// newFlagSet returns a flag set for a subcommand with the flags every
// subcommand shares; each flag's default comes from its environment
// variable (QUIZTRAINER_ plus the flag's name in capitals) when set.
func newFlagSet(name string, cfg *Config, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	setUsage(fs)
	fs.StringVar(&cfg.DB, "db", env("db", "./quiztrainer.db"), "SQLite database file (QUIZTRAINER_DB)")
	fs.TextVar(&cfg.LogLevel, "log-level", levelFromEnv(), "log level: debug, info, warn or error (QUIZTRAINER_LOG_LEVEL)")
	fs.BoolVar(&cfg.Version, "version", false, "print the version and exit")
	return fs
}

func env(flagName, def string) string {
	key := "QUIZTRAINER_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func levelFromEnv() slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(env("log-level", "info"))); err != nil {
		return slog.LevelInfo
	}
	return l
}

func newLogger(cfg Config, w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: cfg.LogLevel}))
}

func printVersion(w io.Writer) {
	fmt.Fprintln(w, "quiztrainer", version)
}
