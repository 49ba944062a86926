/* Located YAML nodes straight from libyaml, for the common case only (archdoc.load.yamlnodes).
 *
 * build(utf8, max_depth, ScalarNode, MappingNode, SequenceNode, STR, resolvers, implicit_types, implicit_tag)
 * folds libyaml's events into the same located nodes as yamlnodes._build, without a Python event
 * object per event. A scalar's type_tag is worked out as located.scalar_type does: STR when it is
 * quoted or its first character starts no implicit type (the keys of `resolvers`), else the type
 * implicit_types (a dict) holds for its text, else what implicit_tag(text) answers. It answers
 * NotImplemented for anything out of the ordinary: a parser or reader error, an anchor, an
 * alias, a tag, a second document, a non-scalar key, a duplicate key or nesting at the depth
 * limit. The caller then parses the text again in Python, which reports each of these with its
 * exact message and position: this file never decides a finding.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <yaml.h>

typedef struct {
    PyObject *node;    /* the open MappingNode or SequenceNode */
    PyObject *list;    /* its pairs or items */
    PyObject *pending; /* a mapping's key waiting for its value (owned), NULL when it wants a key */
    int mapping;
    Py_ssize_t opened; /* `expanded` when it opened */
} Open;

typedef struct {
    PyTypeObject *type;
    Py_ssize_t offsets[8];
} Shape;

/* Slot offsets of a class with __slots__, looked up by name from its member descriptors. */
static int
shape_of(PyObject *cls, Shape *shape, const char *const *names, int count)
{
    if (!PyType_Check(cls)) {
        PyErr_SetString(PyExc_TypeError, "expected a class");
        return -1;
    }
    shape->type = (PyTypeObject *)cls;
    for (int i = 0; i < count; i++) {
        PyObject *descr = PyObject_GetAttrString(cls, names[i]);
        if (descr == NULL)
            return -1;
        if (Py_TYPE(descr) != &PyMemberDescr_Type) {
            Py_DECREF(descr);
            PyErr_Format(PyExc_TypeError, "%s is not a slot", names[i]);
            return -1;
        }
        PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
        if (member->type != T_OBJECT_EX) {
            Py_DECREF(descr);
            PyErr_Format(PyExc_TypeError, "%s is not an object slot", names[i]);
            return -1;
        }
        shape->offsets[i] = member->offset;
        Py_DECREF(descr);
    }
    return 0;
}

/* Sets slot i of a fresh instance, taking the reference. */
static inline void
put(PyObject *object, const Shape *shape, int i, PyObject *value)
{
    PyObject **slot = (PyObject **)((char *)object + shape->offsets[i]);
    Py_XSETREF(*slot, value);
}

enum { S_VALUE, S_PLAIN, S_TAG, S_TYPE, S_LINE, S_COLUMN };    /* ScalarNode */
enum { C_LIST, C_TAG, C_SIZE, C_SHARED, C_LINE, C_COLUMN };    /* MappingNode, SequenceNode */
static const char *const SCALAR_SLOTS[] = {"value", "plain", "tag", "type_tag", "line", "column"};
static const char *const MAPPING_SLOTS[] = {"pairs", "tag", "size", "shared", "line", "column"};
static const char *const SEQUENCE_SLOTS[] = {"items", "tag", "size", "shared", "line", "column"};

typedef struct {
    size_t line;       /* 0-based, as libyaml counts */
    PyObject *number;  /* line + 1, shared by the nodes of one line */
    PyObject *texts;   /* one string object for each short text written many times */
    PyObject *str_tag;        /* the tag of a quoted scalar (borrowed) */
    PyObject *implicit_types; /* text -> the implicit tag of a plain scalar, so far (borrowed) */
    PyObject *implicit_tag;   /* the function that works one out, and remembers it (borrowed) */
    char starts[256];         /* 1 for a first byte that may begin an implicitly typed scalar */
} Shared;

/* The first bytes of UTF-8 text that may start an implicit type: the resolvers' first characters,
 * and every byte of a multi-byte character if any of them is not ASCII. 0 or -1 (an error). */
static int
note_starts(Shared *shared, PyObject *resolvers)
{
    memset(shared->starts, 0, sizeof shared->starts);
    shared->starts[0] = 1; /* the empty text is null */
    PyObject *key, *value;
    Py_ssize_t position = 0;
    while (PyDict_Next(resolvers, &position, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "resolvers must be keyed by first characters");
            return -1;
        }
        Py_ssize_t length = PyUnicode_GET_LENGTH(key);
        if (length == 0)
            continue;
        Py_UCS4 first = PyUnicode_READ_CHAR(key, 0);
        if (length == 1 && first < 128)
            shared->starts[first] = 1;
        else
            memset(shared->starts + 128, 1, 128);
    }
    return 0;
}

static PyObject *
line_number(Shared *shared, size_t line)
{
    if (shared->number == NULL || shared->line != line) {
        PyObject *number = PyLong_FromSize_t(line + 1);
        if (number == NULL)
            return NULL;
        Py_XSETREF(shared->number, number);
        shared->line = line;
    }
    Py_INCREF(shared->number);
    return shared->number;
}

static PyObject *
new_node(const Shape *shape, const yaml_mark_t *mark, Shared *shared, int line_slot, int column_slot)
{
    PyObject *node = shape->type->tp_alloc(shape->type, 0);
    if (node == NULL)
        return NULL;
    PyObject *line = line_number(shared, mark->line);
    PyObject *column = PyLong_FromSize_t(mark->column + 1);
    if (line == NULL || column == NULL) {
        Py_XDECREF(line);
        Py_XDECREF(column);
        Py_DECREF(node);
        return NULL;
    }
    put(node, shape, line_slot, line);
    put(node, shape, column_slot, column);
    return node;
}

static PyObject *
new_scalar(const Shape *shape, const yaml_event_t *event, Shared *shared)
{
    const char *text = (const char *)event->data.scalar.value;
    Py_ssize_t length = (Py_ssize_t)event->data.scalar.length;
    PyObject *value = PyUnicode_DecodeUTF8(text, length, "strict");
    if (value == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(value) < 40) { /* as yamlnodes: one object for each short text */
        PyObject *kept = PyDict_SetDefault(shared->texts, value, value);
        if (kept == NULL) {
            Py_DECREF(value);
            return NULL;
        }
        Py_INCREF(kept);
        Py_SETREF(value, kept);
    }
    PyObject *node = new_node(shape, &event->start_mark, shared, S_LINE, S_COLUMN);
    if (node == NULL) {
        Py_DECREF(value);
        return NULL;
    }
    yaml_scalar_style_t style = event->data.scalar.style;
    int plain = (style == YAML_PLAIN_SCALAR_STYLE || style == YAML_ANY_SCALAR_STYLE) &&
                event->data.scalar.plain_implicit;
    PyObject *type;
    if (!plain || !shared->starts[length ? (unsigned char)text[0] : 0]) {
        type = Py_NewRef(shared->str_tag);
    }
    else {
        type = PyDict_GetItemWithError(shared->implicit_types, value);
        if (type != NULL)
            Py_INCREF(type);
        else if (!PyErr_Occurred())
            type = PyObject_CallOneArg(shared->implicit_tag, value);
        if (type == NULL) {
            Py_DECREF(value);
            Py_DECREF(node);
            return NULL;
        }
    }
    put(node, shape, S_VALUE, value);
    put(node, shape, S_PLAIN, Py_NewRef(plain ? Py_True : Py_False));
    put(node, shape, S_TAG, Py_NewRef(Py_None));
    put(node, shape, S_TYPE, type);
    return node;
}

/* 1: the mapping's keys are distinct; 0: a key repeats; -1: an error. */
static int
distinct_keys(PyObject *pairs, const Shape *scalar)
{
    Py_ssize_t count = PyList_GET_SIZE(pairs);
    if (count < 2)
        return 1;
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *key = PyTuple_GET_ITEM(PyList_GET_ITEM(pairs, i), 0);
        PyObject *value = *(PyObject **)((char *)key + scalar->offsets[S_VALUE]);
        if (PySet_Add(seen, value) < 0) {
            Py_DECREF(seen);
            return -1;
        }
    }
    int distinct = PySet_GET_SIZE(seen) == count;
    Py_DECREF(seen);
    return distinct;
}

#define FALLBACK 2

/* Attach a finished node to the open collection (takes the node's reference). 0, FALLBACK or -1. */
static int
attach(Open *top, PyObject *node, int is_scalar)
{
    if (!top->mapping) {
        int failed = PyList_Append(top->list, node);
        Py_DECREF(node);
        return failed ? -1 : 0;
    }
    if (top->pending == NULL) {
        if (!is_scalar) {
            Py_DECREF(node);
            return FALLBACK; /* "a mapping key must be plain text": told by the Python reader */
        }
        top->pending = node;
        return 0;
    }
    PyObject *pair = PyTuple_Pack(2, top->pending, node);
    Py_CLEAR(top->pending);
    Py_DECREF(node);
    if (pair == NULL)
        return -1;
    int failed = PyList_Append(top->list, pair);
    Py_DECREF(pair);
    return failed ? -1 : 0;
}

static PyObject *
build(PyObject *module, PyObject *args)
{
    const char *data;
    Py_ssize_t size;
    int max_depth;
    PyObject *scalar_cls, *mapping_cls, *sequence_cls, *str_tag, *resolvers, *implicit_types, *implicit_tag;
    if (!PyArg_ParseTuple(args, "y#iOOOUO!O!O", &data, &size, &max_depth, &scalar_cls, &mapping_cls, &sequence_cls,
                          &str_tag, &PyDict_Type, &resolvers, &PyDict_Type, &implicit_types, &implicit_tag))
        return NULL;
    Shape scalar, mapping, sequence;
    if (shape_of(scalar_cls, &scalar, SCALAR_SLOTS, 6) < 0 || shape_of(mapping_cls, &mapping, MAPPING_SLOTS, 6) < 0 ||
        shape_of(sequence_cls, &sequence, SEQUENCE_SLOTS, 6) < 0)
        return NULL;
    if (max_depth < 1)
        Py_RETURN_NOTIMPLEMENTED;

    Open *stack = PyMem_Calloc((size_t)max_depth, sizeof(Open));
    if (stack == NULL)
        return PyErr_NoMemory();
    Shared shared = {0, NULL, PyDict_New(), str_tag, implicit_types, implicit_tag, {0}};
    if (shared.texts == NULL || note_starts(&shared, resolvers) < 0) {
        Py_XDECREF(shared.texts);
        PyMem_Free(stack);
        return NULL;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        PyMem_Free(stack);
        Py_DECREF(shared.texts);
        return PyErr_NoMemory();
    }
    /* As PyYAML gives libyaml a str: UTF-8 bytes, the encoding (and a leading BOM) left to libyaml. */
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, (size_t)size);

    int depth = 0, documents = 0, outcome = 0; /* outcome: 0 going on, 1 done, FALLBACK, -1 error */
    Py_ssize_t expanded = 0;
    PyObject *root = NULL;
    while (outcome == 0) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            outcome = FALLBACK;
            break;
        }
        PyObject *node = NULL;
        int is_scalar = 0;
        switch (event.type) {
        case YAML_SCALAR_EVENT:
            if (event.data.scalar.anchor != NULL || event.data.scalar.tag != NULL) {
                outcome = FALLBACK;
                break;
            }
            node = new_scalar(&scalar, &event, &shared);
            if (node == NULL)
                outcome = -1;
            is_scalar = 1;
            expanded += 1;
            break;
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT: {
            int is_mapping = event.type == YAML_MAPPING_START_EVENT;
            const yaml_char_t *anchor = is_mapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor;
            const yaml_char_t *tag = is_mapping ? event.data.mapping_start.tag : event.data.sequence_start.tag;
            if (anchor != NULL || tag != NULL || depth >= max_depth) {
                outcome = FALLBACK;
                break;
            }
            const Shape *shape = is_mapping ? &mapping : &sequence;
            PyObject *opened = new_node(shape, &event.start_mark, &shared, C_LINE, C_COLUMN);
            PyObject *list = PyList_New(0);
            if (opened == NULL || list == NULL) {
                Py_XDECREF(opened);
                Py_XDECREF(list);
                outcome = -1;
                break;
            }
            put(opened, shape, C_LIST, Py_NewRef(list));
            put(opened, shape, C_TAG, Py_NewRef(Py_None));
            put(opened, shape, C_SHARED, Py_NewRef(Py_False));
            stack[depth].node = opened;
            stack[depth].list = list;
            stack[depth].pending = NULL;
            stack[depth].mapping = is_mapping;
            stack[depth].opened = expanded;
            depth++;
            break;
        }
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT: {
            Open *top = &stack[--depth];
            const Shape *shape = top->mapping ? &mapping : &sequence;
            PyObject *count = PyLong_FromSsize_t(expanded - top->opened + 1);
            if (count == NULL) {
                outcome = -1;
                depth++;
                break;
            }
            put(top->node, shape, C_SIZE, count);
            if (top->mapping) {
                int distinct = distinct_keys(top->list, &scalar);
                if (distinct <= 0) {
                    outcome = distinct < 0 ? -1 : FALLBACK;
                    depth++;
                    break;
                }
            }
            node = top->node;
            Py_DECREF(top->list);
            Py_CLEAR(top->pending);
            top->node = top->list = NULL;
            expanded += 1;
            break;
        }
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1)
                outcome = FALLBACK;
            break;
        case YAML_ALIAS_EVENT:
            outcome = FALLBACK;
            break;
        case YAML_STREAM_END_EVENT:
            outcome = 1;
            break;
        default: /* stream start, document end */
            break;
        }
        yaml_event_delete(&event);
        if (node != NULL) {
            if (outcome != 0) {
                Py_DECREF(node);
            }
            else if (depth == 0) {
                root = node;
            }
            else {
                int attached = attach(&stack[depth - 1], node, is_scalar);
                if (attached != 0)
                    outcome = attached;
            }
        }
    }
    yaml_parser_delete(&parser);
    for (int i = 0; i < depth; i++) {
        Py_XDECREF(stack[i].node);
        Py_XDECREF(stack[i].list);
        Py_XDECREF(stack[i].pending);
    }
    PyMem_Free(stack);
    Py_XDECREF(shared.number);
    Py_DECREF(shared.texts);
    if (outcome == 1)
        return root != NULL ? root : Py_NewRef(Py_None);
    Py_XDECREF(root);
    if (outcome == FALLBACK) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    return NULL;
}

static PyMethodDef methods[] = {
    {"build", build, METH_VARARGS,
     "build(utf8, max_depth, ScalarNode, MappingNode, SequenceNode, STR, resolvers, implicit_types, implicit_tag): the "
     "document's located root node, None for an empty document, or NotImplemented when the Python reader must "
     "read it (errors, aliases, tags, ...)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef definition = {
    PyModuleDef_HEAD_INIT, "archdoc.load._nodes",
    "Located YAML nodes straight from libyaml, for the common case (archdoc.load.yamlnodes falls back to Python).",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__nodes(void)
{
    return PyModule_Create(&definition);
}
