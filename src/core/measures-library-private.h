/* measures-library-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "measures-library.h"

G_BEGIN_DECLS

/* What the three files of the library share. measures-library-file.c
 * (the parts, the document, the writer, setting a file aside) calls
 * nothing of the others; measures-library.c (the object, its file,
 * stars and notes) calls it; measures-library-lists.c (collections,
 * saved searches, undo) calls both. */

#define MEASURES_LIBRARY_MAX_NAME_CHARS 200

typedef struct
{
  char *id;
  char *name;
  GPtrArray *members;           /* char *, in the order they were added */
  GHashTable *set;              /* the same strings */
} MeasuresLibraryCollection;

typedef struct
{
  char *text;
  char *folded;                 /* folded words, for the search */
  char *modified;               /* ISO 8601, UTC */
} MeasuresLibraryNote;

typedef struct
{
  char *id;
  char *name;
  JsonObject *query;
} MeasuresLibrarySearch;

typedef enum
{
  MEASURES_LIBRARY_UNDO_COLLECTION,
  MEASURES_LIBRARY_UNDO_NOTE,
  MEASURES_LIBRARY_UNDO_SEARCH,
} MeasuresLibraryUndoKind;

/* Something deleted, kept to be brought back. */
typedef struct
{
  MeasuresLibraryUndoKind kind;
  guint position;
  MeasuresLibraryCollection *collection;
  char *measure_id;
  MeasuresLibraryNote *note;
  MeasuresLibrarySearch *search;
} MeasuresLibraryUndo;

/* Shared by the library and its write threads: writes are made one at a
 * time, and one older than the last written is dropped. */
typedef struct
{
  gatomicrefcount ref;
  GMutex lock;
  guint64 written;
} MeasuresLibraryWriter;

struct _MeasuresLibrary
{
  GObject parent_instance;

  GFile *file;                  /* NULL: kept in memory only */
  GHashTable *starred;          /* measure id → itself */
  GPtrArray *collections;       /* MeasuresLibraryCollection */
  GHashTable *notes;            /* measure id → MeasuresLibraryNote */
  GPtrArray *searches;          /* MeasuresLibrarySearch */
  GQueue undo;                  /* MeasuresLibraryUndo, the latest first */

  GError *problem;
  GFile *set_aside;
  MeasuresLibraryWriter *writer;
  guint64 generation;           /* of the state, one more per change */
  guint save_source;

  guint writable : 1;           /* opened: changes are written */
  guint writing : 1;
};

MeasuresLibraryCollection *_measures_library_collection_new  (const char *id,
                                                              const char *name);
void                       _measures_library_collection_free (gpointer    data);
gboolean                   _measures_library_collection_add  (MeasuresLibraryCollection *collection,
                                                              const char *measure_id);
MeasuresLibraryNote       *_measures_library_note_new        (const char *text,
                                                              const char *modified);
void                       _measures_library_note_free       (gpointer    data);
MeasuresLibrarySearch     *_measures_library_search_new      (const char *id,
                                                              const char *name,
                                                              JsonObject *query);
void                       _measures_library_search_free     (gpointer    data);
void                       _measures_library_undo_free       (gpointer    data);
char                      *_measures_library_now             (void);
char                      *_measures_library_new_id          (const char *prefix);
const char               **_measures_library_sorted_keys     (GHashTable *table,
                                                              guint      *n);

MeasuresLibraryWriter     *_measures_library_writer_new      (void);
MeasuresLibraryWriter     *_measures_library_writer_ref      (MeasuresLibraryWriter *writer);
void                       _measures_library_writer_unref    (MeasuresLibraryWriter *writer);
gboolean                   _measures_library_write_bytes     (MeasuresLibraryWriter *writer,
                                                              GFile      *file,
                                                              GBytes     *bytes,
                                                              guint64     generation,
                                                              GError    **error);

JsonNode                  *_measures_library_to_json         (MeasuresLibrary *self);
void                       _measures_library_clear           (MeasuresLibrary *self);
gboolean                   _measures_library_read_file       (MeasuresLibrary *self,
                                                              gboolean   *nothing_read,
                                                              GError    **error);
GFile                     *_measures_library_set_aside       (MeasuresLibrary *self,
                                                              const GError *why,
                                                              GError    **error);

void                       _measures_library_changed         (MeasuresLibrary *self,
                                                              MeasuresLibraryChange what);
void                       _measures_library_push_undo       (MeasuresLibrary *self,
                                                              MeasuresLibraryUndo *undo);

G_END_DECLS
