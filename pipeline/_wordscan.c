/* The word scan of the line classifier, in C: one pass over a line's characters gives its word
 * count, how many of its words are function words, its words joined by single spaces, and the
 * gate words it holds, without one Python object per word.
 *
 * pipeline/wordscan.py holds the same scan in Python (the reference, and the fallback where no
 * C compiler worked); tests/test_wordscan.py checks that both agree. A word is what Python's
 * re calls \w+ on a str: a run of characters that are alphanumeric (Py_UNICODE_ISALNUM, the
 * test re itself uses) or "_".
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define FLAG_FUNCTION_WORD 1
#define FLAG_GATE_WORD 2
#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL
/* Lines up to this many characters are scanned into a buffer on the stack. */
#define STACK_CHARS 2048

typedef struct {
    Py_UCS4 *chars; /* NULL: an empty slot */
    Py_ssize_t length;
    uint64_t hash;
    int flags;
    PyObject *word; /* the word as given, returned among a line's gate words */
} Entry;

typedef struct {
    PyObject_HEAD
    Entry *slots;
    size_t mask; /* slots - 1, a power of two minus one */
} Lexicon;

static const unsigned char ASCII_WORD[128] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['_'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

static inline int
is_word_char(Py_UCS4 ch)
{
    return ch < 128 ? ASCII_WORD[ch] : Py_UNICODE_ISALNUM(ch);
}

static inline uint64_t
hash_chars(const Py_UCS4 *chars, Py_ssize_t length)
{
    uint64_t hash = FNV_OFFSET;
    for (Py_ssize_t i = 0; i < length; i++) {
        hash = (hash ^ chars[i]) * FNV_PRIME;
    }
    return hash;
}

static Entry *
find_slot(Lexicon *self, const Py_UCS4 *chars, Py_ssize_t length, uint64_t hash)
{
    size_t index = (size_t)hash & self->mask;
    for (;;) {
        Entry *slot = &self->slots[index];
        if (slot->chars == NULL) {
            return slot;
        }
        if (slot->hash == hash && slot->length == length &&
            memcmp(slot->chars, chars, (size_t)length * sizeof(Py_UCS4)) == 0) {
            return slot;
        }
        index = (index + 1) & self->mask;
    }
}

static void
Lexicon_dealloc(Lexicon *self)
{
    if (self->slots != NULL) {
        for (size_t i = 0; i <= self->mask; i++) {
            PyMem_Free(self->slots[i].chars);
            Py_XDECREF(self->slots[i].word);
        }
        PyMem_Free(self->slots);
    }
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
add_word(Lexicon *self, PyObject *word, int flags)
{
    if (!PyUnicode_Check(word)) {
        PyErr_SetString(PyExc_TypeError, "Lexicon words must be str");
        return -1;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(word);
    Py_UCS4 *chars = PyUnicode_AsUCS4Copy(word);
    if (chars == NULL) {
        return -1;
    }
    uint64_t hash = hash_chars(chars, length);
    Entry *slot = find_slot(self, chars, length, hash);
    if (slot->chars != NULL) { /* the same word twice: its flags add up */
        PyMem_Free(chars);
        slot->flags |= flags;
        return 0;
    }
    slot->chars = chars;
    slot->length = length;
    slot->hash = hash;
    slot->flags = flags;
    Py_INCREF(word);
    slot->word = word;
    return 0;
}

static int
Lexicon_init(Lexicon *self, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"function_words", "gate_words", NULL};
    PyObject *function_words, *gate_words;
    if (!PyArg_ParseTupleAndKeywords(
            args, kwargs, "OO:Lexicon", keywords, &function_words, &gate_words)) {
        return -1;
    }
    if (self->slots != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "a Lexicon is initialised once");
        return -1;
    }
    Py_ssize_t first = PyObject_Length(function_words);
    Py_ssize_t second = first < 0 ? -1 : PyObject_Length(gate_words);
    if (second < 0) {
        return -1;
    }
    size_t slots = 8;
    while (slots < 2 * (size_t)(first + second) + 1) { /* at most half full */
        slots *= 2;
    }
    self->slots = PyMem_Calloc(slots, sizeof(Entry));
    if (self->slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->mask = slots - 1;
    PyObject *sources[2] = {function_words, gate_words};
    int flags[2] = {FLAG_FUNCTION_WORD, FLAG_GATE_WORD};
    for (int s = 0; s < 2; s++) {
        PyObject *iterator = PyObject_GetIter(sources[s]);
        if (iterator == NULL) {
            return -1;
        }
        PyObject *word;
        while ((word = PyIter_Next(iterator)) != NULL) {
            int failed = add_word(self, word, flags[s]);
            Py_DECREF(word);
            if (failed) {
                Py_DECREF(iterator);
                return -1;
            }
        }
        Py_DECREF(iterator);
        if (PyErr_Occurred()) {
            return -1;
        }
    }
    return 0;
}

/* Appends a gate word to *gates (made on first use) unless it is there already. */
static int
add_gate_word(PyObject **gates, PyObject *word)
{
    if (*gates == NULL) {
        *gates = PyList_New(0);
        if (*gates == NULL) {
            return -1;
        }
    }
    Py_ssize_t count = PyList_GET_SIZE(*gates);
    for (Py_ssize_t g = 0; g < count; g++) {
        if (PyList_GET_ITEM(*gates, g) == word) {
            return 0;
        }
    }
    return PyList_Append(*gates, word);
}

/* Counts a gate word in *counts (a dict made on first use). */
static int
count_gate_word(PyObject **counts, PyObject *word)
{
    if (*counts == NULL) {
        *counts = PyDict_New();
        if (*counts == NULL) {
            return -1;
        }
    }
    PyObject *seen = PyDict_GetItemWithError(*counts, word);
    if (seen == NULL && PyErr_Occurred()) {
        return -1;
    }
    PyObject *total = PyLong_FromSsize_t(seen == NULL ? 1 : PyLong_AsSsize_t(seen) + 1);
    if (total == NULL) {
        return -1;
    }
    int failed = PyDict_SetItem(*counts, word, total);
    Py_DECREF(total);
    return failed;
}

typedef struct {
    Py_ssize_t words;
    Py_ssize_t function_words;
    Py_ssize_t out;   /* characters written to the norm */
    Py_UCS4 max_char; /* the widest of them */
} Counts;

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* The scan proper: words of the line into ``norm``, joined by single spaces, and what they
 * are. Inlined into one copy per storage width, so reading a character is one load. */
static ALWAYS_INLINE int
scan_words(Lexicon *self, int kind, const void *data, Py_ssize_t length, Py_ssize_t limit,
           int counting, Py_UCS4 *norm, PyObject **gates, Counts *counts)
{
    Py_ssize_t words = 0, function_words = 0, out = 0, i = 0;
    Py_UCS4 max_char = 0;
    while (i < length && words < limit) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!is_word_char(ch)) {
            i++;
            continue;
        }
        if (words > 0) {
            norm[out++] = ' ';
        }
        Py_ssize_t start = out;
        uint64_t hash = FNV_OFFSET;
        do {
            norm[out++] = ch;
            max_char = ch > max_char ? ch : max_char;
            hash = (hash ^ ch) * FNV_PRIME;
            i++;
        } while (i < length && is_word_char(ch = PyUnicode_READ(kind, data, i)));
        words++;
        Entry *slot = find_slot(self, norm + start, out - start, hash);
        if (slot->chars == NULL) {
            continue;
        }
        function_words += (slot->flags & FLAG_FUNCTION_WORD) != 0;
        if (slot->flags & FLAG_GATE_WORD &&
            (counting ? count_gate_word(gates, slot->word) : add_gate_word(gates, slot->word)) < 0) {
            return -1;
        }
    }
    counts->words = words;
    counts->function_words = function_words;
    counts->out = out;
    counts->max_char = words > 1 && max_char < ' ' ? ' ' : max_char;
    return 0;
}

/* A str of the scanned characters, stored as narrow as its widest one allows (the canonical
 * form, which str comparison relies on). */
static PyObject *
new_text(const Py_UCS4 *chars, Py_ssize_t length, Py_UCS4 max_char)
{
    PyObject *text = PyUnicode_New(length, max_char);
    if (text == NULL) {
        return NULL;
    }
    void *data = PyUnicode_DATA(text);
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        for (Py_ssize_t i = 0; i < length; i++) {
            ((Py_UCS1 *)data)[i] = (Py_UCS1)chars[i];
        }
        break;
    case PyUnicode_2BYTE_KIND:
        for (Py_ssize_t i = 0; i < length; i++) {
            ((Py_UCS2 *)data)[i] = (Py_UCS2)chars[i];
        }
        break;
    default:
        memcpy(data, chars, (size_t)length * sizeof(Py_UCS4));
    }
    return text;
}

/* The scan's 4-tuple; steals the references to text and hits. */
static PyObject *
scan_result(Py_ssize_t words, Py_ssize_t function_words, PyObject *text, PyObject *hits)
{
    PyObject *result = PyTuple_New(4);
    PyObject *first = PyLong_FromSsize_t(words);
    PyObject *second = PyLong_FromSsize_t(function_words);
    if (result == NULL || first == NULL || second == NULL) {
        Py_XDECREF(result);
        Py_XDECREF(first);
        Py_XDECREF(second);
        Py_DECREF(text);
        Py_DECREF(hits);
        return NULL;
    }
    PyTuple_SET_ITEM(result, 0, first);
    PyTuple_SET_ITEM(result, 1, second);
    PyTuple_SET_ITEM(result, 2, text);
    PyTuple_SET_ITEM(result, 3, hits);
    return result;
}

/* (words, function words, the words joined by single spaces, the distinct gate words in the
 * order they first occur) of a line, or of its first ``limit`` words. With ``count_gates``
 * true, the last item is instead a dict of each gate word's count, in the same order. */
static PyObject *
Lexicon_scan(Lexicon *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError,
                        "scan() takes a str, and optionally a word limit and count_gates");
        return NULL;
    }
    int counting = 0;
    if (nargs == 3) {
        counting = PyObject_IsTrue(args[2]);
        if (counting < 0) {
            return NULL;
        }
    }
    PyObject *line = args[0];
    Py_ssize_t limit = PY_SSIZE_T_MAX;
    if (nargs >= 2 && args[1] != Py_None) {
        limit = PyLong_AsSsize_t(args[1]);
        if (limit == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (limit < 0) {
            PyErr_SetString(PyExc_ValueError, "the word limit must not be negative");
            return NULL;
        }
    }
    if (self->slots == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "the Lexicon was not initialised");
        return NULL;
    }
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    Py_ssize_t length = PyUnicode_GET_LENGTH(line);
    Py_UCS4 stack[STACK_CHARS];
    /* Words and one space between each two never outgrow the line. */
    Py_UCS4 *norm = length <= STACK_CHARS ? stack : PyMem_Malloc((size_t)length * sizeof(Py_UCS4));
    if (norm == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *gates = NULL; /* list or dict, made at the first gate word: most lines hold none */
    Counts counts = {0, 0, 0, 0};
    int failed;
    /* One loop per storage width, each with the width fixed at compile time. */
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        failed = scan_words(self, PyUnicode_1BYTE_KIND, data, length, limit, counting, norm, &gates,
                            &counts);
        break;
    case PyUnicode_2BYTE_KIND:
        failed = scan_words(self, PyUnicode_2BYTE_KIND, data, length, limit, counting, norm, &gates,
                            &counts);
        break;
    default:
        failed = scan_words(self, PyUnicode_4BYTE_KIND, data, length, limit, counting, norm, &gates,
                            &counts);
    }
    if (failed) {
        goto error;
    }
    PyObject *text = new_text(norm, counts.out, counts.max_char);
    if (text == NULL) {
        goto error;
    }
    if (norm != stack) {
        PyMem_Free(norm);
    }
    PyObject *hits;
    if (counting) {
        hits = gates != NULL ? gates : PyDict_New();
    }
    else {
        hits = gates != NULL ? PyList_AsTuple(gates) : PyTuple_New(0);
        Py_XDECREF(gates);
    }
    if (hits == NULL) {
        Py_DECREF(text);
        return NULL;
    }
    return scan_result(counts.words, counts.function_words, text, hits);
error:
    if (norm != stack) {
        PyMem_Free(norm);
    }
    Py_XDECREF(gates);
    return NULL;
}

/* Whether any character of a text has a code point from ``low`` to ``high`` (the widest there
 * is when not given): one pass over the text's own storage, with no regex engine and no
 * answer slower than a memory scan. */
#define HOLDS_IN(type)                                                                            \
    for (Py_ssize_t i = 0; i < length; i++) {                                                     \
        Py_UCS4 ch = ((const type *)data)[i];                                                     \
        if (ch >= (Py_UCS4)low && ch <= (Py_UCS4)high) {                                          \
            Py_RETURN_TRUE;                                                                       \
        }                                                                                         \
    }

static PyObject *
holds_char_from(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs < 2 || nargs > 3 || !PyUnicode_Check(args[0]) || !PyLong_Check(args[1]) ||
        (nargs == 3 && !PyLong_Check(args[2]))) {
        PyErr_SetString(PyExc_TypeError, "holds_char_from() takes a str and one or two ints");
        return NULL;
    }
    PyObject *text = args[0];
    long low = PyLong_AsLong(args[1]);
    if (low == -1 && PyErr_Occurred()) {
        return NULL;
    }
    long high = nargs == 3 ? PyLong_AsLong(args[2]) : 0x10FFFF;
    if (high == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    low = low < 0 ? 0 : low;
    if (high < low || (unsigned long)low > PyUnicode_MAX_CHAR_VALUE(text)) {
        Py_RETURN_FALSE; /* an empty range, or one the text's storage cannot hold */
    }
    const void *data = PyUnicode_DATA(text);
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        HOLDS_IN(Py_UCS1)
        break;
    case PyUnicode_2BYTE_KIND:
        HOLDS_IN(Py_UCS2)
        break;
    default:
        HOLDS_IN(Py_UCS4)
    }
    Py_RETURN_FALSE;
}

static PyMethodDef module_functions[] = {
    {"holds_char_from", (PyCFunction)(void (*)(void))holds_char_from, METH_FASTCALL,
     "holds_char_from(text, low, high=0x10FFFF) -> whether any character's code point is\n"
     "from low to high"},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef Lexicon_methods[] = {
    {"scan", (PyCFunction)(void (*)(void))Lexicon_scan, METH_FASTCALL,
     "scan(line, limit=None, count_gates=False) -> (words, function words, the words joined\n"
     "by single spaces, the gate words held, or with count_gates a dict of their counts),\n"
     "of the line's first ``limit`` words when a limit is given"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject LexiconType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pipeline._wordscan.Lexicon",
    .tp_doc = PyDoc_STR("Lexicon(function_words, gate_words): the words a line scan looks up."),
    .tp_basicsize = sizeof(Lexicon),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Lexicon_init,
    .tp_dealloc = (destructor)Lexicon_dealloc,
    .tp_methods = Lexicon_methods,
};

static struct PyModuleDef wordscan_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "pipeline._wordscan",
    .m_doc = PyDoc_STR("The line classifier's word scan in C; see pipeline/wordscan.py."),
    .m_size = -1,
    .m_methods = module_functions,
};

PyMODINIT_FUNC
PyInit__wordscan(void)
{
    if (PyType_Ready(&LexiconType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&wordscan_module);
    if (module == NULL) {
        return NULL;
    }
    Py_INCREF(&LexiconType);
    if (PyModule_AddObject(module, "Lexicon", (PyObject *)&LexiconType) < 0) {
        Py_DECREF(&LexiconType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
