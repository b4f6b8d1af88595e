/* measures-library.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The format of the library file; a file of another is never read nor
 * overwritten. */
#define MEASURES_LIBRARY_FORMAT "measures-library-1"

#define MEASURES_LIBRARY_ERROR (measures_library_error_quark ())

/**
 * MeasuresLibraryError:
 * @MEASURES_LIBRARY_ERROR_DAMAGED: the file is not a library, or parts
 *   of it are not what the format says
 * @MEASURES_LIBRARY_ERROR_NEWER_VERSION: the file is of a later format
 * @MEASURES_LIBRARY_ERROR_BAD_NAME: a name is empty, too long or taken
 * @MEASURES_LIBRARY_ERROR_NOT_FOUND: no collection or search has the id
 */
typedef enum
{
  MEASURES_LIBRARY_ERROR_DAMAGED,
  MEASURES_LIBRARY_ERROR_NEWER_VERSION,
  MEASURES_LIBRARY_ERROR_BAD_NAME,
  MEASURES_LIBRARY_ERROR_NOT_FOUND,
} MeasuresLibraryError;

/**
 * MeasuresLibraryChange:
 * @MEASURES_LIBRARY_CHANGE_STARS: measures were starred or unstarred
 * @MEASURES_LIBRARY_CHANGE_COLLECTIONS: a collection was made, renamed,
 *   deleted or brought back
 * @MEASURES_LIBRARY_CHANGE_MEMBERS: measures were added to or removed
 *   from a collection
 * @MEASURES_LIBRARY_CHANGE_NOTES: a note was written, changed or deleted
 * @MEASURES_LIBRARY_CHANGE_SEARCHES: a saved search was added, renamed,
 *   updated or deleted
 *
 * What #MeasuresLibrary::changed says changed.
 */
typedef enum
{
  MEASURES_LIBRARY_CHANGE_STARS = 1 << 0,
  MEASURES_LIBRARY_CHANGE_COLLECTIONS = 1 << 1,
  MEASURES_LIBRARY_CHANGE_MEMBERS = 1 << 2,
  MEASURES_LIBRARY_CHANGE_NOTES = 1 << 3,
  MEASURES_LIBRARY_CHANGE_SEARCHES = 1 << 4,
} MeasuresLibraryChange;

/* What changes which measures a query matches. */
#define MEASURES_LIBRARY_CHANGE_MARKS (MEASURES_LIBRARY_CHANGE_STARS | \
                                       MEASURES_LIBRARY_CHANGE_COLLECTIONS | \
                                       MEASURES_LIBRARY_CHANGE_MEMBERS | \
                                       MEASURES_LIBRARY_CHANGE_NOTES)

#define MEASURES_TYPE_LIBRARY (measures_library_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresLibrary, measures_library, MEASURES, LIBRARY, GObject)

GQuark            measures_library_error_quark       (void);

MeasuresLibrary  *measures_library_new               (GFile            *file);
MeasuresLibrary  *measures_library_get_default       (void);
GFile            *measures_library_get_default_file  (void);
GFile            *measures_library_get_file          (MeasuresLibrary  *self);
gboolean          measures_library_read              (MeasuresLibrary  *self,
                                                      GError          **error);
void              measures_library_open              (MeasuresLibrary  *self);
const GError     *measures_library_get_problem       (MeasuresLibrary  *self);
GFile            *measures_library_get_set_aside     (MeasuresLibrary  *self);
gboolean          measures_library_get_writable      (MeasuresLibrary  *self);
gboolean          measures_library_get_dirty         (MeasuresLibrary  *self);
gboolean          measures_library_save              (MeasuresLibrary  *self,
                                                      GError          **error);
GBytes           *measures_library_to_bytes          (MeasuresLibrary  *self);

gboolean          measures_library_is_starred        (MeasuresLibrary  *self,
                                                      const char       *measure_id);
guint             measures_library_set_starred       (MeasuresLibrary  *self,
                                                      const char * const *measure_ids,
                                                      gboolean          starred);
guint             measures_library_get_n_starred     (MeasuresLibrary  *self);
const char      **measures_library_list_starred      (MeasuresLibrary  *self,
                                                      guint            *n);

guint             measures_library_get_n_collections (MeasuresLibrary  *self);
const char       *measures_library_get_collection    (MeasuresLibrary  *self,
                                                      guint             position);
const char       *measures_library_get_collection_name (MeasuresLibrary *self,
                                                        const char      *collection);
const char       *measures_library_find_collection   (MeasuresLibrary  *self,
                                                      const char       *name);
char             *measures_library_create_collection (MeasuresLibrary  *self,
                                                      const char       *name,
                                                      GError          **error);
gboolean          measures_library_rename_collection (MeasuresLibrary  *self,
                                                      const char       *collection,
                                                      const char       *name,
                                                      GError          **error);
gboolean          measures_library_delete_collection (MeasuresLibrary  *self,
                                                      const char       *collection);
guint             measures_library_add_to_collection (MeasuresLibrary  *self,
                                                      const char       *collection,
                                                      const char * const *measure_ids);
guint             measures_library_remove_from_collection (MeasuresLibrary *self,
                                                           const char      *collection,
                                                           const char * const *measure_ids);
gboolean          measures_library_in_collection     (MeasuresLibrary  *self,
                                                      const char       *collection,
                                                      const char       *measure_id);
guint             measures_library_get_collection_size (MeasuresLibrary *self,
                                                        const char      *collection);
const char      **measures_library_list_collection   (MeasuresLibrary  *self,
                                                      const char       *collection,
                                                      guint            *n);
GStrv             measures_library_dup_collections_of (MeasuresLibrary *self,
                                                       const char      *measure_id);

const char       *measures_library_get_note          (MeasuresLibrary  *self,
                                                      const char       *measure_id);
const char       *measures_library_get_folded_note   (MeasuresLibrary  *self,
                                                      const char       *measure_id);
void              measures_library_set_note          (MeasuresLibrary  *self,
                                                      const char       *measure_id,
                                                      const char       *text);
gboolean          measures_library_delete_note       (MeasuresLibrary  *self,
                                                      const char       *measure_id);
guint             measures_library_get_n_notes       (MeasuresLibrary  *self);
const char      **measures_library_list_notes        (MeasuresLibrary  *self,
                                                      guint            *n);

guint             measures_library_get_n_searches    (MeasuresLibrary  *self);
const char       *measures_library_get_search        (MeasuresLibrary  *self,
                                                      guint             position);
const char       *measures_library_get_search_name   (MeasuresLibrary  *self,
                                                      const char       *search);
JsonObject       *measures_library_get_search_query  (MeasuresLibrary  *self,
                                                      const char       *search);
char             *measures_library_add_search        (MeasuresLibrary  *self,
                                                      const char       *name,
                                                      JsonObject       *query,
                                                      GError          **error);
gboolean          measures_library_rename_search     (MeasuresLibrary  *self,
                                                      const char       *search,
                                                      const char       *name,
                                                      GError          **error);
gboolean          measures_library_update_search     (MeasuresLibrary  *self,
                                                      const char       *search,
                                                      JsonObject       *query);
gboolean          measures_library_delete_search     (MeasuresLibrary  *self,
                                                      const char       *search);

gboolean          measures_library_can_undo          (MeasuresLibrary  *self);
gboolean          measures_library_undo              (MeasuresLibrary  *self);

G_END_DECLS
