#!/usr/bin/env python3
"""Generates tests/relevance/queries.tsv, the judged query set of the
relevance harness (issue 4), from the Korean digests of Daily Papers.

    python3 tests/relevance/make_queries.py [PAPER_LOGS] > tests/relevance/queries.tsv
    python3 tests/relevance/make_queries.py --no-topic OTHER_MONTHS > /tmp/other.tsv

PAPER_LOGS defaults to ../shared/corpus/daily_papers_ko/paper_logs. Standard
library only; deterministic (fixed seed, sorted inputs), so re-running it on
the same corpus gives the same file.

Columns (tab-separated, '#' lines are comments): family, query, relevant
arXiv ids (space-separated), grades (id:grade, space-separated; empty means
binary relevance). Families:
  known-en  the 3-5 rarest words (document frequency across titles) of a
            title, in title order -> that paper
  known-ko  distinctive Korean words of a paper's summary, particles stripped
            or changed and the spacing of a compound altered -> that paper
  author    a name as written, lower-case, without diacritics, or
            "Last, First" -> every paper with that author
  ko-morph  a common research term, spaced, unspaced or with a particle ->
            every paper containing it as a word in any spacing and inflection
            (the rule of tools/eval/korean_eval.cc `find_term`, ported below)
  cross-lingual  an English term -> every paper using it or a Korean rendering
            of it (a hand-written dictionary below, CROSS_LINGUAL)
  topic     researcher queries in English and Korean with graded judgments
            made by reading the papers; copied, checked, from the hand-made
            tests/relevance/topic_judgments.tsv
"""
import os
import random
import re
import sys
import unicodedata

SEED = 4
PER_FAMILY = 60

# --- parsing (the shape indexer/digest_parser.cc reads) ---------------------

HEADER = re.compile(r'^### \[(.*)\]\((?:https?://)?arxiv\.org/abs/([^)\s]+?)(?:v\d+)?\)\s*$')
SECTION_LABEL = re.compile(r'^\s*[-*]\s*\*\*([^*]+)\*\*\s*:?\s*')


class Paper:
    def __init__(self, arxiv_id, title, date):
        self.id, self.title, self.date = arxiv_id, title, date
        self.authors, self.lines = [], []

    @property
    def body(self):
        return '\n'.join(self.lines)


def parse_file(path, date):
    papers, current = [], None
    with open(path, encoding='utf-8', errors='replace') as f:
        for raw in f.read().splitlines():
            m = HEADER.match(raw)
            if m:
                current = Paper(m.group(2), m.group(1), date)
                papers.append(current)
                continue
            if current is None or raw.startswith('## ') or raw.startswith('!['):
                continue
            if raw.startswith('Vote:'):
                continue
            if raw.startswith('Authors:'):
                if not current.authors:
                    current.authors = split_authors(raw[len('Authors:'):])
                continue
            line = SECTION_LABEL.sub('', raw).replace('**', '').strip().lstrip('-* ').strip()
            if line:
                current.lines.append(line)
    return papers


def split_authors(value):
    value = value.strip()
    if value.startswith('['):
        items = re.findall(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", value)
        names = [a or b for a, b in items]
    else:
        names = value.split(',')
    out = []
    for name in (n.strip() for n in names):
        if any(c.isalnum() for c in name) and name not in out:
            out.append(name)
    return out


def load(corpus):
    by_id = {}
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith('.md'):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, corpus)[:-3].split(os.sep)
            date = '-'.join(rel[-3:])
            for p in parse_file(path, date):
                first = by_id.get(p.id)
                if first is None:
                    by_id[p.id] = p
                elif not first.authors:
                    first.authors = p.authors
    return [by_id[k] for k in sorted(by_id)]


# --- Hangul helpers -----------------------------------------------------------

def is_hangul(c):
    return '\uac00' <= c <= '\ud7a3'


def has_final(c):
    return is_hangul(c) and (ord(c) - 0xAC00) % 28 != 0


def object_particle(word):
    return word + ('을' if has_final(word[-1]) else '를')


def topic_particle(word):
    return word + ('은' if has_final(word[-1]) else '는')


# --- the relevance rule of korean_eval.cc (Fit::Word) -------------------------

ENDINGS = sorted(set((
    '이 가 을 를 은 는 의 에 에서 에게 으로 로 과 와 도 만 들 뿐 '
    '까지 부터 보다 처럼 만큼 마다 조차 이나 나 이든 로부터 으로부터 로서 '
    '으로서 로써 으로써 '
    '이다 입니다 이며 이고 이었 였 이지만 인 이라는 라는 이라고 라고 이란 '
    '란 다 며 고 으며 습니다 지만 '
    '하는 하여 하고 하며 하면 하기 하지 하게 한 할 함 합니다 해 해서 했 '
    '하였 된 될 됨 되는 되어 되고 되며 되면 되기 되지 되게 됩니다 돼 됐 '
    '되었').split()), key=len, reverse=True)
SPACE = ' \t\n\r'


def only_endings(run):
    reachable = [False] * (len(run) + 1)
    reachable[0] = True
    for i in range(len(run)):
        if reachable[i]:
            for e in ENDINGS:
                if run.startswith(e, i):
                    reachable[i + len(e)] = True
    return reachable[len(run)]


def word_at(text, pos, groups):
    """End of the term at pos, groups joined by any whitespace or none, or by
    the genitive particle and whitespace (전문가의 혼합 is 전문가 혼합)."""
    for g, group in enumerate(groups):
        if g > 0:
            if text.startswith('의', pos) and pos + 1 < len(text) and text[pos + 1] in SPACE:
                pos += 1
            while pos < len(text) and text[pos] in SPACE:
                pos += 1
        if not text.startswith(group, pos):
            return None
        pos += len(group)
    return pos


def occurs_as_word(text, groups):
    first = groups[0][0]
    pos = text.find(first)
    while pos != -1:
        end = word_at(text, pos, groups)
        if end is not None and (pos == 0 or not is_hangul(text[pos - 1])):
            run_end = end
            while run_end < len(text) and is_hangul(text[run_end]):
                run_end += 1
            if only_endings(text[end:run_end]):
                return True
        pos = text.find(first, pos + 1)
    return False


# --- families ----------------------------------------------------------------

EN_STOP = set('''a an and are as at be by can do does for from how in into is it its
of on or our the this to via what when where which who why with without your you
we towards toward not than that these those using use beyond through over under
all any more most new one two'''.split())


def title_words(title):
    words = []
    for w in re.findall(r'[a-z][a-z0-9]+', title.lower()):
        if len(w) >= 3 and w not in EN_STOP and w not in words:
            words.append(w)
    return words


def known_en(papers, rng):
    df = {}
    words_of = {p.id: title_words(p.title) for p in papers}
    for words in words_of.values():
        for w in words:
            df[w] = df.get(w, 0) + 1
    rows = []
    for p in rng.sample(papers, len(papers)):
        words = words_of[p.id]
        if len(words) < 3:
            continue
        count = 3 + len(rows) % 3  # 3, 4 or 5 words
        rare = sorted(words, key=lambda w: (df[w], words.index(w)))[:count]
        query = [w for w in words if w in rare]
        others = [q.id for q in papers if q.id != p.id and set(query) <= set(words_of[q.id])]
        if others:
            continue
        rows.append(('known-en', ' '.join(query), [p.id]))
        if len(rows) == PER_FAMILY:
            break
    return rows


KO_PARTICLES = sorted(set('''이 가 을 를 은 는 의 에 에서 에게 으로 로 과 와 도 만 들 들을 들이 들의
들은 들과 들에 에서의 으로서 로서 으로써 로써 이나 나 까지 부터 보다 처럼 에는 에도 과의 와의
이며 이다 이라는 라는 인'''.split()), key=len, reverse=True)


def ko_stem(token):
    """A Hangul token with its trailing particle stripped ('모델을' -> '모델')."""
    if not token or not all(is_hangul(c) for c in token):
        return None
    for p in KO_PARTICLES:
        if token.endswith(p) and len(token) - len(p) >= 2:
            return token[:-len(p)]
    return token


def ko_tokens(text):
    return [t.strip('.,()[]"\'“”‘’:;') for t in text.split()]


NOUN_PARTICLES = '을 를 은 는 이 가 의 에서 으로 과 와'.split()


def korean_nouns(papers):
    """Stems seen both bare and before a noun particle ('모델', '모델을')."""
    bare, with_particle = set(), set()
    for p in papers:
        for t in ko_tokens(p.body):
            if not t or not all(is_hangul(c) for c in t):
                continue
            bare.add(t)
            for particle in NOUN_PARTICLES:
                if t.endswith(particle) and len(t) - len(particle) >= 2:
                    with_particle.add(t[:-len(particle)])
    # Not verb forms that happen to take a particle-like ending (한다, 중요함).
    return {s for s in bare & with_particle if s[-1] not in '다함' and ko_stem(s) == s}


def respaced(tokens, nouns, joined_first, only=None):
    """A compound of two nouns written one way in the text, typed the other
    way: (the stems it stands for, the query text). Both spellings must occur
    in the corpus, so that it is a compound people write either way."""
    spaced = []
    for a, b in zip(tokens, tokens[1:]):
        sb = ko_stem(b)
        if a in nouns and sb in nouns and a + sb in nouns:
            spaced.append(([a, sb], a + sb))
    joined = []
    for t in tokens:
        s = ko_stem(t)
        if s and s in nouns:
            for k in range(2, len(s) - 1):
                if s[:k] in nouns and s[k:] in nouns:
                    joined.append(([s], s[:k] + ' ' + s[k:]))
                    break
    order = (spaced, joined) if joined_first else (joined, spaced)
    if only:
        order = (joined,) if only == 'split' else (spaced,)
    for found in order:
        if found:
            return found[0]
    return None


def known_ko(papers, rng, only=None):
    """Three-word queries: two rare words of a paper's summary around a
    compound typed in the other spacing. `only` 'split': the text writes the
    compound joined (AB), the query spaced (A B); 'join': the reverse. Rows
    then carry, as a fifth column, the query in the text's own spelling: what
    a ranker with perfect morphology would be given (the bound)."""
    nouns = korean_nouns(papers)
    stems_of = {}
    for p in papers:
        stems_of[p.id] = {s for s in map(ko_stem, ko_tokens(p.body)) if s in nouns}
    df = {}
    for stems in stems_of.values():
        for s in stems:
            df[s] = df.get(s, 0) + 1
    rows = []
    for p in rng.sample(papers, len(papers)):
        compound = respaced(ko_tokens(p.body), nouns, len(rows) % 2 == 0, only)
        if compound is None:
            continue
        rare = sorted((s for s in stems_of[p.id] if 2 <= df[s] <= 30 and s not in compound[0]
                       and not any(s in c or c in s for c in compound[0])),
                      key=lambda s: (df[s], s))[:2]
        if len(rare) < 2:
            continue
        needed = rare + compound[0]
        # Particles: mostly stripped; every third query puts another one on.
        if len(rows) % 3 == 2:
            rare[-1] = topic_particle(rare[-1])
        elif len(rows) % 3 == 1:
            rare[0] = object_particle(rare[0])
        others = [q.id for q in papers
                  if q.id != p.id and all(n in q.body.replace(' ', '') for n in needed)]
        if others:
            continue
        query = ' '.join(rare[:1] + [compound[1]] + rare[1:])
        if only:
            as_written = ' '.join(rare[:1] + [' '.join(compound[0])] + rare[1:])
            rows.append(('known-ko-' + only, query, [p.id], '', as_written))
        else:
            rows.append(('known-ko', query, [p.id]))
        if len(rows) == PER_FAMILY:
            break
    return rows


def fold(name):
    decomposed = unicodedata.normalize('NFKD', name)
    return ' '.join(''.join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def author(papers, rng):
    by_name = {}
    for p in papers:
        for a in p.authors:
            by_name.setdefault(fold(a), set()).add(p.id)
    spelled = {}
    for p in papers:
        for a in p.authors:
            spelled.setdefault(fold(a), a)
    names = sorted(n for n in by_name if len(spelled[n].split()) >= 2
                   and re.fullmatch(r"[\w.' -]+", spelled[n]))
    accented = [n for n in names if fold(spelled[n]) != spelled[n].casefold()]
    prolific = [n for n in names if len(by_name[n]) >= 3]
    chosen = sorted(set(rng.sample(accented, min(10, len(accented))))
                    | set(rng.sample(prolific, min(30, len(prolific)))))
    rest = [n for n in names if n not in chosen]
    chosen += rng.sample(rest, PER_FAMILY - len(chosen))
    rows = []
    for i, key in enumerate(chosen):
        name = spelled[key]
        parts = name.split()
        variant = i % 4
        if key in accented and variant in (0, 1):
            variant = 2
        query = [name, name.lower(), fold(name), parts[-1] + ', ' + ' '.join(parts[:-1])][variant]
        rows.append(('author', query, sorted(by_name[key])))
    return rows


# The common research terms of korean_eval.cc.
TERMS = '''보상 모델|강화 학습|언어 모델|대규모 언어 모델|확산 모델|미세 조정|지식 증류|데이터셋|
벤치마크|추론|평가|정확도|해상도|멀티모달|에이전트|토큰|인간 피드백|사전 학습|컨텍스트|환각|
검색 증강|생성 모델|비디오 생성|음성 인식|효율성|일반화|제로샷|프롬프트|정렬|최적화|손실 함수|
어텐션|트랜스포머|인코더|디코더|이미지 생성|양자화|합성 데이터|전문가 혼합|계산 비용|오픈 소스|
텍스트 생성'''.replace('\n', '').split('|')


def ko_morph(papers):
    rows = []
    texts = {p.id: (p.title, p.body) for p in papers}
    for term in TERMS:
        groups = term.split()
        relevant = sorted(i for i, fields in texts.items()
                          if any(occurs_as_word(f, groups) for f in fields))
        forms = [term, object_particle(term)]
        if len(groups) > 1:
            forms.append(''.join(groups))
        for form in forms:
            rows.append(('ko-morph', form, relevant))
    return rows


# English research terms and the Korean renderings the digests use for them,
# written by hand (not mined, so that the glossary is judged, not copied).
CROSS_LINGUAL = '''
reinforcement learning:강화 학습|강화학습
reward model:보상 모델
diffusion model:확산 모델
knowledge distillation:지식 증류
hallucination:환각
speech recognition:음성 인식
image generation:이미지 생성
video generation:비디오 생성|동영상 생성
text generation:텍스트 생성
quantization:양자화
synthetic data:합성 데이터
mixture of experts:전문가 혼합
computational cost:계산 비용
knowledge graph:지식 그래프
retrieval augmented generation:검색 증강 생성
human feedback:인간 피드백
pre-training:사전 학습|사전 훈련
in-context learning:문맥 내 학습|인컨텍스트 학습
chain of thought:사고 연쇄|생각의 사슬|사고의 연쇄
instruction tuning:지시 조정|명령어 튜닝|지시 튜닝|명령 튜닝
preference optimization:선호 최적화|선호도 최적화
world model:세계 모델|월드 모델
contrastive learning:대조 학습
self-supervised learning:자기 지도 학습
federated learning:연합 학습
continual learning:지속 학습|연속 학습|지속적 학습
curriculum learning:커리큘럼 학습
meta-learning:메타 학습
transfer learning:전이 학습
catastrophic forgetting:치명적 망각|파국적 망각
object detection:객체 탐지|객체 검출
semantic segmentation:의미론적 분할|시맨틱 분할
depth estimation:깊이 추정
pose estimation:자세 추정|포즈 추정
super-resolution:초해상도
text-to-speech:텍스트 음성 변환
machine translation:기계 번역
question answering:질의응답|질문 응답
code generation:코드 생성
mathematical reasoning:수학적 추론
neural network:신경망
graph neural network:그래프 신경망
state space model:상태 공간 모델
long context:긴 문맥|긴 컨텍스트
speculative decoding:추측 디코딩|투기적 디코딩
beam search:빔 탐색|빔 서치
monte carlo tree search:몬테카를로 트리 탐색|몬테 카를로 트리 탐색
policy optimization:정책 최적화
reward hacking:보상 해킹
red teaming:레드 팀|레드팀
jailbreak:탈옥
adversarial attack:적대적 공격
robustness:견고성|강건성
interpretability:해석 가능성
data augmentation:데이터 증강
data contamination:데이터 오염
evaluation metric:평가 지표|평가 메트릭
autonomous driving:자율 주행
robot manipulation:로봇 조작
motion generation:모션 생성|동작 생성
3D reconstruction:3D 재구성
novel view synthesis:새로운 시점 합성|새로운 뷰 합성
gaussian splatting:가우시안 스플래팅
neural radiance field:신경 방사장|신경 복사장
image editing:이미지 편집
video editing:비디오 편집
visual question answering:시각적 질의응답|시각적 질문 응답
optical character recognition:광학 문자 인식
multilingual:다국어
low-resource language:저자원 언어
tokenizer:토크나이저
embedding:임베딩
latent space:잠재 공간
denoising:노이즈 제거|잡음 제거
inference speed:추론 속도
memory usage:메모리 사용량
parameter-efficient fine-tuning:매개변수 효율적 미세 조정|파라미터 효율적 미세 조정
low-rank adaptation:저랭크 적응|저순위 적응
pruning:가지치기|프루닝
model merging:모델 병합
scaling law:스케일링 법칙
emergent abilities:창발적 능력
self-correction:자기 수정|자기 교정
self-reflection:자기 성찰
tool use:도구 사용
web agent:웹 에이전트
multi-agent:다중 에이전트|멀티 에이전트
instruction following:지시 따르기|명령 수행|지시 수행
safety alignment:안전 정렬
watermark:워터마크
copyright:저작권
protein:단백질
molecule:분자
weather forecasting:기상 예측|날씨 예측
time series:시계열
recommendation system:추천 시스템
search engine:검색 엔진
audio generation:오디오 생성
music generation:음악 생성
speech synthesis:음성 합성
emotion recognition:감정 인식
reasoning:추론
sparse attention:희소 어텐션
attention mechanism:어텐션 메커니즘|주의 메커니즘
vision transformer:비전 트랜스포머
multimodal:멀티모달|다중 모달
point cloud:포인트 클라우드|점군
image captioning:이미지 캡셔닝|이미지 캡션 생성
text-to-image:텍스트-이미지|텍스트 투 이미지
open-source:오픈 소스|오픈소스
zero-shot:제로샷|제로 샷
few-shot:퓨샷|소수 샷
'''


def english_pattern(term):
    """The term as a whole word or phrase, any case, words joined by spaces
    or hyphens, with a plural ending."""
    words = re.split(r'[\s-]+', term)
    return re.compile(r'(?<![A-Za-z0-9])' + r'[\s-]*'.join(map(re.escape, words))
                      + r'(?:s|es)?(?![A-Za-z0-9])', re.I)


def cross_lingual(papers):
    """An English term -> every paper using it or one of its Korean renderings
    (as a word, any spacing and inflection). Kept where the English term is in
    at least 2 papers (so a corpus-mined glossary could know it), at least one
    paper has only the Korean rendering, and at most 100 papers are relevant
    (so that recall@100 can reach 1)."""
    rows = []
    for line in CROSS_LINGUAL.strip().splitlines():
        english, renderings = line.split(':')
        pattern = english_pattern(english)
        with_english, with_korean = set(), set()
        for p in papers:
            if pattern.search(p.title) or pattern.search(p.body):
                with_english.add(p.id)
            for korean in renderings.split('|'):
                if any(occurs_as_word(f, korean.split()) for f in (p.title, p.body)):
                    with_korean.add(p.id)
        relevant = with_english | with_korean
        if len(with_english) >= 2 and with_korean - with_english and len(relevant) <= 100:
            rows.append(('cross-lingual', english, sorted(relevant)))
    return rows


def topic(papers, path):
    """The hand-judged topic queries; every id must be a paper of the corpus."""
    if not os.path.exists(path):
        return []
    known = {p.id for p in papers}
    rows = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            family, query, ids, grades = line.split('\t')
            relevant = ids.split()
            unknown = [i for i in relevant if i not in known]
            if family != 'topic' or unknown or not relevant:
                sys.exit('%s:%d: bad judgment (family %r, unknown ids %s)'
                         % (path, number, family, unknown))
            rows.append(('topic', query, relevant, grades))
    return rows


def main():
    args = [a for a in sys.argv[1:] if a != '--no-topic']
    corpus = args[0] if args else '../shared/corpus/daily_papers_ko/paper_logs'
    papers = load(corpus)
    rng = random.Random(SEED)
    rows = (known_en(papers, rng) + known_ko(papers, rng) + author(papers, rng) + ko_morph(papers)
            + cross_lingual(papers))
    if '--no-topic' not in sys.argv:  # judged on the shared corpus's papers only
        rows += topic(papers, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                           'topic_judgments.tsv'))
    # Families added later draw from their own generator, so that the older
    # ones stay as they were.
    rng = random.Random(SEED + 1)
    rows += known_ko(papers, rng, 'split') + known_ko(papers, rng, 'join')
    out = sys.stdout
    out.write('# Judged queries for the relevance harness; generated by '
              'tests/relevance/make_queries.py (do not edit by hand).\n')
    out.write('# %d papers. family\tquery\trelevant ids\tgrades[\tthe query as the text '
              'writes it]\n' % len(papers))
    for family, query, relevant, *rest in rows:
        grades = rest[0] if rest else ''
        line = [family, query, ' '.join(relevant), grades] + rest[1:]
        out.write('\t'.join(line) + '\n')


if __name__ == '__main__':
    main()
