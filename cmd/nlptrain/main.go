// Command nlptrain rebuilds the English analysis models under
// quizzes/nlp/models from the treebanks in quizzes/nlp/testdata. Run it from
// the repository root:
//
//	go run ./cmd/nlptrain
//
// The same data, configuration and seed give byte-identical files.
// With -eval it also scores the new models on the dev (or test) splits;
// with -out elsewhere it leaves the committed models alone.
package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"quiztrainer/quizzes/nlp"
)

func main() {
	cfg := nlp.DefaultTrainConfig()
	out := flag.String("out", "quizzes/nlp/models", "folder to write the model files to")
	flag.StringVar(&cfg.Dir, "data", cfg.Dir, "treebank folder")
	treebanks := flag.String("treebanks", strings.Join(cfg.Treebanks, ","), "treebanks to train on")
	flag.IntVar(&cfg.Limit, "limit", cfg.Limit, "train on the first N sentences of each treebank (0: all)")
	flag.IntVar(&cfg.TaggerEpochs, "tagger-epochs", cfg.TaggerEpochs, "tagger training passes")
	flag.IntVar(&cfg.JackknifeEpochs, "jackknife-epochs", cfg.JackknifeEpochs, "training passes of the fold taggers (0: as -tagger-epochs)")
	flag.IntVar(&cfg.ParserEpochs, "parser-epochs", cfg.ParserEpochs, "parser training passes")
	flag.IntVar(&cfg.ParserRuns, "parser-runs", cfg.ParserRuns, "parser training runs (over the sentences in different orders) whose weights are averaged")
	flag.IntVar(&cfg.ParserBeam, "parser-beam", cfg.ParserBeam, "beam the parser trains with (1: greedy, dynamic oracle); a model trained with the default beam is read with the analysis's own beam, any other with its training beam")
	flag.IntVar(&cfg.Folds, "folds", cfg.Folds, "jackknife folds for the parser's tags (0: gold tags)")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	pruneTagger := flag.Int("prune-tagger", int(cfg.PruneTagger), "drop tagger weights below this (16-bit units)")
	pruneParser := flag.Int("prune-parser", int(cfg.PruneParser), "drop parser weights below this (16-bit units)")
	flag.BoolVar(&cfg.Entities, "entities", cfg.Entities, "also train the entity and reference models")
	flag.BoolVar(&cfg.OnlyEntities, "only-entities", false, "train only the entity and reference models (they read GUM's own tags and trees)")
	eval := flag.String("eval", "", "after training, also score the new models on this split (dev or test)")
	quiet := flag.Bool("q", false, "no progress lines")
	score := flag.String("score", "", "score the committed (embedded) models on this split (dev or test), without training")
	passDev := flag.Bool("parser-dev", false, "after each parser pass but the last, score that pass's models on dev (gold tokens)")
	passOut := flag.String("parser-passes-out", "", "after each parser pass but the last, write that pass's model files to DIR/passN")
	flag.Parse()
	if *score != "" {
		a, err := nlp.Load()
		if err != nil {
			log.Fatal(err)
		}
		report(a, cfg.Dir, *score)
		return
	}
	cfg.Treebanks = strings.Split(*treebanks, ",")
	cfg.PruneTagger, cfg.PruneParser = int16(*pruneTagger), int16(*pruneParser)
	start := time.Now()
	if !*quiet {
		cfg.Logf = func(format string, args ...any) {
			log.Printf("%6.1fs "+format, append([]any{time.Since(start).Seconds()}, args...)...)
		}
	}
	if *passDev || *passOut != "" {
		cfg.AfterParserEpoch = func(epoch int, files []nlp.ModelFile) {
			if *passOut != "" {
				dir := filepath.Join(*passOut, fmt.Sprintf("pass%d", epoch))
				if err := os.MkdirAll(dir, 0o755); err != nil {
					log.Fatal(err)
				}
				for _, f := range files {
					if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
						log.Fatal(err)
					}
				}
			}
			if *passDev {
				a, err := nlp.AnalyzerFrom(files)
				if err != nil {
					log.Fatal(err)
				}
				a.SetParserBeam(cfg.ReadBeam())
				fmt.Printf("after parser pass %d:\n", epoch)
				reportGold(a, cfg.Dir, "dev")
			}
		}
	}
	files, err := nlp.Train(cfg)
	if err != nil {
		log.Fatal(err)
	}
	if *eval != "" {
		a, err := nlp.AnalyzerFrom(files)
		if err != nil {
			log.Fatal(err)
		}
		a.SetParserBeam(cfg.ReadBeam())
		report(a, cfg.Dir, *eval)
	}
	for _, f := range files {
		path := filepath.Join(*out, f.Name)
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%x  %s  %d bytes\n", sha256.Sum256(f.Data), path, len(f.Data))
	}
}

// reportGold prints the scores of a on one split of each treebank, from
// gold tokens.
func reportGold(a *nlp.Analyzer, dir, split string) {
	for _, tb := range []string{"ewt", "gum"} {
		gold, err := nlp.ReadTreebank(dir, tb, split)
		if err != nil {
			log.Fatal(err)
		}
		s := a.EvaluateGoldTokens(gold)
		fmt.Printf("%s %s (gold tokens, %d words): UPOS %.2f XPOS %.2f lemma %.2f feats %.2f UAS %.2f LAS %.2f\n",
			tb, split, s.Words, s.UPOS, s.XPOS, s.Lemma, s.Feats, s.UAS, s.LAS)
	}
}

// report prints the scores of a on one split of each treebank, from gold
// tokens and from raw text.
func report(a *nlp.Analyzer, dir, split string) {
	for _, tb := range []string{"ewt", "gum"} {
		gold, err := nlp.ReadTreebank(dir, tb, split)
		if err != nil {
			log.Fatal(err)
		}
		s := a.EvaluateGoldTokens(gold)
		fmt.Printf("%s %s (gold tokens, %d words): UPOS %.2f XPOS %.2f lemma %.2f feats %.2f UAS %.2f LAS %.2f\n",
			tb, split, s.Words, s.UPOS, s.XPOS, s.Lemma, s.Feats, s.UAS, s.LAS)
		r := a.EvaluateRaw(gold)
		fmt.Printf("%s %s (raw text): sentences F1 %.2f tokens F1 %.2f UPOS %.2f UAS %.2f LAS %.2f\n",
			tb, split, r.Sentences, r.Tokens, r.UPOS, r.UAS, r.LAS)
	}
}
