package nlp

// narrativePronounFloor is a little under the shipped models' accuracy on
// the pronouns of testdata/narrative/fables.txt.
const narrativePronounFloor = 0.74
