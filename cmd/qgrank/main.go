// Command qgrank trains and measures the question generator's learned
// ranking (quizzes/generate/quality.go) on the judged drafts of
// quizzes/generate/testdata/judging. Run it from the repository root:
//
//	go run ./cmd/qgrank
//
// It prints the leave-one-text-out cross-validation figures: the model's
// held-out scores against the generator's own score, and their sum, as
// rankings of the judged questions. With -out it also writes the model
// trained on every judged question (the same data give the same bytes).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"quiztrainer/quizzes/generate"
)

func main() {
	data := flag.String("data", "quizzes/generate/testdata/judging", "folder of judged drafts")
	out := flag.String("out", "", "where to write the model trained on every judged question (empty: nowhere)")
	lambda := flag.Float64("lambda", 2, "L2 penalty")
	features := flag.String("features", "", "comma-separated features to keep (\"fam:*\" keeps every fam: feature; empty: all)")
	flag.Parse()
	opt := generate.RankTrainOptions{Lambda: *lambda}
	if *features != "" {
		opt.Features = strings.Split(*features, ",")
	}
	model, rep, err := generate.TrainRankModel(*data, opt)
	if err != nil {
		log.Fatal("qgrank: ", err)
	}
	fmt.Printf("judgments %d; joined to their drafts %d (not joined %d); judged again later %d; questions %d on %d texts\n",
		rep.Judged, rep.Judged-rep.Unjoined, rep.Unjoined, rep.Duplicates, rep.Used, rep.Texts)
	fmt.Printf("tree pipeline questions %d, of which the current generator still proposes %d (same prompt)\n", rep.TreeQuestions, rep.Matched)
	fmt.Print(rep.Text)
	if *out != "" {
		if err := os.WriteFile(*out, model, 0o644); err != nil {
			log.Fatal("qgrank: ", err)
		}
	}
}
