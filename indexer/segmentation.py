"""jieba's tokenizer, cutting the same words with less work per character.

jieba (accurate mode, with its HMM) cuts each block of text by building a
word graph (`get_DAG`: for every start, each end that makes a dictionary
word) and then the most probable route through it (`calc`: right to left,
the best of log(frequency) - log(total) + the route after each word, ties to
the longer word). That was a fifth of a build's CPU, much of it Python's
overhead: a dict of lists for the graph, a generator of tuples and two log
calls per candidate word.

`FastTokenizer` finds the same route in one right-to-left pass, keeping only
each position's best score and end, with each word's log frequency computed
once per process (and looked up once per candidate). Every float is computed by the same operations in the
same order, so scores, ties and therefore words are exactly jieba's (a test
compares them on the corpus's texts and random ones); what follows the route
(jieba's buffering of single characters and its HMM for unknown runs) is
jieba's own code, but for its HMM's Viterbi search for words in runs of
unknown characters (`hmm_cut`), the same sums unrolled over its four states
with back-pointers instead of a copied path per state and step.

A block's words depend on nothing but the block and the dictionary, and
news repeats itself (datelines, offices, set phrases: a third of the
corpus's Chinese characters are in blocks seen in the last few thousand
documents), so the words of recent blocks are kept (`BLOCKS_KEPT`). Adding
a word clears both memos, since it changes frequencies and the total.

Where rjieba (jieba-rs, in Rust) is installed, `RustRoute` finds the route
instead (the whole cut then takes about a quarter of the CPU): an `rjieba.Jieba` holding the same words
with the same frequencies and the same total (each `add_word` reaches both),
cutting without its HMM, so that what it yields is the route itself. jieba-rs
computes the route with the same floating-point operations in the same
order, ties included, but it differs from jieba elsewhere, and each
difference stays in Python: its HMM rounds the emission probabilities to six
decimals (it cuts 常在孠 as 常在/孠 where jieba's HMM gives 常/在/孠), so runs
of single characters are settled here, by jieba's rule and `hmm_cut`; its
blocks also take CJK characters outside jieba's U+4E00-U+9FD5 (extension A,
compatibility ideographs...), so a text holding one is cut by the Python
route; and it adds up the total differently (jieba adds a re-added word's
frequency again), which a word no text can contain makes up for. Without
rjieba, or after a change it cannot mirror (a word removed), the Python
route runs alone; the words are the same either way (`tests/test_rjieba_route.py`,
`python -m bench.rjieba_identity`).
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import re
import threading
from math import log
from pathlib import Path

import jieba
from jieba import finalseg
from jieba._compat import strdecode
from jieba.finalseg import MIN_FLOAT, start_P, trans_P, emit_P



def _rust_jieba():
    """rjieba's Jieba class, or None where no wheel installs.

    Loaded from its extension module alone: the package's __init__ builds a
    default Jieba with jieba-rs's own dictionary (34 MB in every process that
    imports this module) which the archive never uses.
    """
    try:
        spec = importlib.util.find_spec("rjieba")
        if spec is None or not spec.submodule_search_locations:
            return None
        for folder in spec.submodule_search_locations:
            for path in sorted(Path(folder).glob("rjieba.*")):
                if path.suffix in (".so", ".pyd"):
                    loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(path))
                    module = importlib.util.module_from_spec(
                        importlib.util.spec_from_file_location("rjieba.rjieba", path, loader=loader))
                    loader.exec_module(module)
                    return module.Jieba
    except (ImportError, OSError):
        pass
    return None


RustJieba = _rust_jieba()


_NO_SCORE = float("-inf")   # below any route's score: no word starts here

# Blocks whose words are kept, per process: about 10 MB; the memo is
# emptied when full, which keeps what recurs often enough.
BLOCKS_KEPT = 30_000


class FastTokenizer(jieba.Tokenizer):
    """jieba's tokenizer with the route found faster: by rjieba where it is
    installed and `in_rust` is not False, else in Python (`best_route`)."""

    def __init__(self, dictionary=jieba.DEFAULT_DICT, in_rust: bool | None = None):
        # word -> log(its frequency) - log(total); a prefix of words that is none -> False
        self._log_frequency: dict[str, float | bool] = {}
        self._memo_total = None   # the total those were computed with
        self._blocks: dict[str, tuple[str, ...]] = {}   # block -> its words
        self._in_rust = RustJieba is not None and in_rust is not False
        # Made at the first cut, from the dictionary as it then stands: the
        # user words added before (tens of thousands of place names) cost
        # one pass over FREQ, not a call each.
        self.rust_route: RustRoute | None = None
        super().__init__(dictionary)

    def initialize(self, dictionary=None):
        super().initialize(dictionary)
        self._forget()
        if self.rust_route is not None and self.rust_route.freq is not self.FREQ:
            self.rust_route = None   # another dictionary: mirrored again at the next cut

    def add_word(self, word, freq=None, tag=None):
        self.check_initialized()
        word = strdecode(word)
        with self.lock:   # not while _mirror reads FREQ
            before = self.FREQ.get(word, 0)
            super().add_word(word, freq, tag)
            self._forget()
            route = self.rust_route
            if route is not None and not route.add_word(word, before, self.FREQ[word], tag):
                self._in_rust, self.rust_route = False, None   # a change rjieba cannot hold

    def cut(self, sentence, cut_all=False, HMM=True, use_paddle=False):
        if self._in_rust and HMM and not cut_all and not use_paddle:
            route = self.rust_route or self._mirror()
            words = route.cut(strdecode(sentence), self.total) if route else None
            if words is not None:
                return iter(words)
        return super().cut(sentence, cut_all, HMM, use_paddle)

    def _mirror(self) -> RustRoute | None:
        self.check_initialized()
        with self.lock:
            if self.rust_route is None and self._in_rust:
                self.rust_route = RustRoute.mirror(self.FREQ)
                self._in_rust = self.rust_route is not None
            return self.rust_route

    def _forget(self) -> None:
        self._log_frequency.clear()
        self._blocks.clear()

    def best_route(self, sentence: str) -> list[int]:
        """For each start, the end (inclusive) of the word jieba's `calc`
        route takes from there: `route[x][1]` of `calc(sentence, get_DAG(sentence), route)`."""
        self.check_initialized()
        FREQ = self.FREQ
        logtotal = log(self.total)
        if self._memo_total != self.total:
            self._log_frequency.clear()
            self._memo_total = self.total
        memo = self._log_frequency   # log(freq) - logtotal, as calc subtracts it first
        get = memo.get
        n = len(sentence)
        scores = [0.0] * (n + 1)
        ends = [0] * n
        for k in range(n - 1, -1, -1):
            best = _NO_SCORE
            end = k
            i = k
            frag = sentence[k]
            while True:
                lf = get(frag)
                if lf is None:     # not looked up yet
                    freq = FREQ.get(frag)
                    if freq is None:   # no word starts with frag
                        break
                    lf = memo[frag] = log(freq) - logtotal if freq else False
                if lf is not False:    # frag is a word, not only a prefix of one
                    score = lf + scores[i + 1]
                    # calc's max over (score, end): the later end on a tie
                    if score >= best:
                        best, end = score, i
                i += 1
                if i >= n:
                    break
                frag = sentence[k:i + 1]
            if best is _NO_SCORE:   # calc's one-character fallback: log(1) - logtotal
                best = 0.0 - logtotal + scores[k + 1]
            scores[k] = best
            ends[k] = end
        return ends

    def _Tokenizer__cut_DAG(self, sentence):
        # What jieba's cut() calls for each block of Chinese, letters and digits.
        words = self._blocks.get(sentence)
        if words is None:
            if len(self._blocks) >= BLOCKS_KEPT:
                self._blocks.clear()
            words = self._blocks[sentence] = tuple(self._cut_block(sentence))
        return words

    def _cut_block(self, sentence):
        # jieba's __cut_DAG, with the route from best_route.
        ends = self.best_route(sentence)
        x = 0
        buf = ''
        N = len(sentence)
        while x < N:
            y = ends[x] + 1
            l_word = sentence[x:y]
            if y - x == 1:
                buf += l_word
            else:
                if buf:
                    yield from self._single_characters(buf)
                    buf = ''
                yield l_word
            x = y
        if buf:
            yield from self._single_characters(buf)

    def _single_characters(self, buf):
        # A run of one-character words: one word as it is; a run the
        # dictionary lacks goes to the HMM; a run it knows stays characters.
        if len(buf) == 1:
            yield buf
        elif not self.FREQ.get(buf):
            yield from hmm_cut(buf)
        else:
            yield from buf


# Characters of jieba's blocks (jieba.re_han_default): CJK U+4E00-U+9FD5,
# ASCII letters and digits, and +#&._%-.
_JIEBA_HAN = "\u4E00-\u9FD5"
# The CJK characters jieba-rs also takes into its blocks (jieba-rs 0.11's
# is_cjk minus jieba's range; tests/test_rjieba_route.py checks the wheel's).
_RUST_ONLY_HAN = re.compile("[\u3400-\u4DBF\u9FD6-\u9FFF\uF900-\uFAFF\U00020000-\U0002A6DF"
                            "\U0002A700-\U0002EBEF\U0002F800-\U0002FA1F]")
# Joins rjieba's words; a text holding it goes to the Python route.
_SEPARATOR = "\x00"
# One step of the route that takes a single character, as rjieba's cut
# without HMM yields it: a character of a block, or a run of ASCII letters
# and digits (which it joins), each a whole word between separators.
_STEP = f"(?:[{_JIEBA_HAN}+#&._%\\-]|[a-zA-Z0-9]+)"
# A run of two or more such steps: what jieba's __cut_DAG buffers and
# settles together (a single step is a word as it is).
_SINGLE_STEPS = re.compile(f"(?<![^{_SEPARATOR}]){_STEP}(?:{_SEPARATOR}{_STEP})+(?![^{_SEPARATOR}])")
# A dictionary word rjieba's cut would not tell from a run of single steps.
_ASCII_WORD = re.compile("[a-zA-Z0-9]{2,}")
# A word no text can contain inside a block: its frequency makes rjieba's total jieba's.
_BALANCE = "\u3002\u3002"
# Runs of single characters whose words are kept, per process.
RUNS_KEPT = 30_000


class RustRoute:
    """The route through a text by rjieba, holding a jieba tokenizer's
    words, frequencies and total; the rest of the cut as jieba does it.

    `cut` returns the words jieba's `cut` yields, or None for a text whose
    words it cannot promise (the caller cuts it in Python).
    """

    def __init__(self, freq: dict[str, int]):
        self.freq = freq              # the tokenizer's FREQ: read, never written
        self._jieba = RustJieba.empty()
        self._lock = threading.Lock()   # rjieba's add_word may not run while it cuts
        self._total_without_balance = 0   # rjieba's total, but for _BALANCE
        self._balanced_for = None         # the jieba total _BALANCE makes up to
        self._ascii_words = False
        self._runs: dict[str, str] = {}   # run of single characters -> its words, joined

    @classmethod
    def mirror(cls, freq: dict[str, int]) -> RustRoute | None:
        route = cls(freq)
        add = route._jieba.add_word
        total = 0
        for word, frequency in freq.items():
            if frequency:   # 0: a prefix of words, not a word
                if frequency < 0:
                    return None
                if _SEPARATOR in word:   # never in a text cut here
                    continue
                if word.isascii() and _ASCII_WORD.fullmatch(word):
                    route._ascii_words = True
                add(word, frequency, None)
                total += frequency
        route._total_without_balance = total
        return route

    def add_word(self, word: str, before: int, after: int, tag) -> bool:
        """Mirror jieba's add_word (the word's frequency went from `before`
        to `after`); False if rjieba cannot."""
        if after <= 0:   # jieba forgets the word (and forces its split): rjieba cannot
            return False
        if _SEPARATOR in word:
            return True
        if word.isascii() and _ASCII_WORD.fullmatch(word):
            self._ascii_words = True
        with self._lock:
            self._runs.clear()
            self._jieba.add_word(word, after, tag or None)
        # rjieba replaces the word's frequency in its total; jieba adds it
        # again (the difference is made up before the next cut)
        self._total_without_balance += after - before
        return True

    def cut(self, text: str, total: int) -> list[str] | None:
        """jieba's words for `text` with `total` as its dictionary's total,
        or None if this text is for the Python route."""
        if not text:
            return []
        if self._ascii_words or _SEPARATOR in text or _RUST_ONLY_HAN.search(text):
            return None
        try:
            with self._lock:
                if total != self._balanced_for:
                    balance = total - self._total_without_balance
                    if balance < 0:
                        return None
                    self._jieba.add_word(_BALANCE, balance, None)
                    self._balanced_for = total
                steps = self._jieba.cut(text, False)
        except UnicodeEncodeError:   # a lone surrogate has no UTF-8 for Rust
            return None
        joined = _SEPARATOR.join(steps)
        return _SINGLE_STEPS.sub(self._settle, joined).split(_SEPARATOR)

    def _settle(self, run) -> str:
        # jieba's __cut_DAG on a buffer of single characters: a dictionary
        # word stays characters, anything else goes to its HMM.
        steps = run.group()
        words = self._runs.get(steps)
        if words is None:
            buf = steps.replace(_SEPARATOR, "")
            words = _SEPARATOR.join(buf if self.freq.get(buf) else hmm_cut(buf))
            if len(self._runs) >= RUNS_KEPT:
                self._runs.clear()
            self._runs[steps] = words
        return words


def hmm_cut(sentence: str):
    """What `jieba.finalseg.cut` yields for `sentence`."""
    for block in finalseg.re_han.split(sentence):
        if finalseg.re_han.match(block):
            for word in _hmm_words(block):
                if word not in finalseg.Force_Split_Words:
                    yield word
                else:
                    yield from word
        else:
            yield from (x for x in finalseg.re_skip.split(block) if x)


def _hmm_words(sentence: str):
    # As finalseg.__cut, with the states from `viterbi_states`.
    states = viterbi_states(sentence)
    begin = nexti = 0
    for i, char in enumerate(sentence):
        state = states[i]
        if state == "B":
            begin = i
        elif state == "E":
            yield sentence[begin:i + 1]
            nexti = i + 1
        elif state == "S":
            yield char
            nexti = i + 1
    if nexti < len(sentence):
        yield sentence[nexti:]


def _transition(a: str, b: str) -> float:
    return trans_P[a].get(b, MIN_FLOAT)


_EB, _SB = _transition("E", "B"), _transition("S", "B")
_MM, _BM = _transition("M", "M"), _transition("B", "M")
_SS, _ES = _transition("S", "S"), _transition("E", "S")
_BE, _ME = _transition("B", "E"), _transition("M", "E")


def viterbi_states(obs: str) -> str:
    """The states (B, M, E, S) of finalseg.viterbi(obs, 'BMES', ...)'s path.

    Each state's score at a step is the best over the states that may
    precede it (finalseg.PrevStatus) of score + transition + emission, added
    in that order; on a tie `max` over (score, state) takes the later letter.
    """
    emit_b, emit_m, emit_s, emit_e = emit_P["B"], emit_P["M"], emit_P["S"], emit_P["E"]
    first = obs[0]
    b = start_P["B"] + emit_b.get(first, MIN_FLOAT)
    m = start_P["M"] + emit_m.get(first, MIN_FLOAT)
    s = start_P["S"] + emit_s.get(first, MIN_FLOAT)
    e = start_P["E"] + emit_e.get(first, MIN_FLOAT)
    back = []   # per step: the state before B, M, S and E
    for char in obs[1:]:
        em = emit_b.get(char, MIN_FLOAT)
        from_e, from_s = e + _EB + em, s + _SB + em
        nb, pb = (from_s, "S") if from_s >= from_e else (from_e, "E")
        em = emit_m.get(char, MIN_FLOAT)
        from_m, from_b = m + _MM + em, b + _BM + em
        nm, pm = (from_m, "M") if from_m >= from_b else (from_b, "B")
        em = emit_s.get(char, MIN_FLOAT)
        from_s, from_e = s + _SS + em, e + _ES + em
        ns, ps = (from_s, "S") if from_s >= from_e else (from_e, "E")
        em = emit_e.get(char, MIN_FLOAT)
        from_b, from_m = b + _BE + em, m + _ME + em
        ne, pe = (from_m, "M") if from_m >= from_b else (from_b, "B")
        b, m, s, e = nb, nm, ns, ne
        back.append({"B": pb, "M": pm, "S": ps, "E": pe})
    state = "S" if s >= e else "E"
    states = [state]
    for before in reversed(back):
        state = before[state]
        states.append(state)
    return "".join(reversed(states))
