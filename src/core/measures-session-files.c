/* measures-session-files.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-session"

#include "config.h"

#include "measures-loader.h"
#include "measures-session-private.h"

/* The datasets a session shows: opened, added, removed and brought back
 * by Undo. Each change is remembered in the settings and loaded again
 * through measures_session_reload(). */

/**
 * measures_session_open:
 * @files: (array length=n_files) (nullable): datasets to show
 * @n_files: the number of files; 0 opens the bundled dataset and those
 *   of the last session
 *
 * Shows @files instead of what was shown. Files given here replace the
 * bundled measures, and are not kept for the next session unless the
 * user adds to them.
 */
void
measures_session_open (MeasuresSession *self,
                       GFile * const   *files,
                       guint            n_files)
{
  g_return_if_fail (MEASURES_IS_SESSION (self));

  g_ptr_array_set_size (self->sources, 0);

  if (n_files == 0)
    {
      self->show_bundled = TRUE;
      if (self->settings != NULL)
        {
          g_auto(GStrv) uris = g_settings_get_strv (self->settings, "datasets");

          for (guint i = 0; uris[i] != NULL; i++)
            g_ptr_array_add (self->sources, g_file_new_for_uri (uris[i]));
          self->show_bundled = g_settings_get_boolean (self->settings, "show-bundled");
        }
      self->remember_sources = TRUE;
    }
  else
    {
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (self->sources, g_object_ref (files[i]));
      self->show_bundled = FALSE;
      self->remember_sources = FALSE;
    }

  g_object_notify (G_OBJECT (self), "show-bundled");
  measures_session_reload (self);
}

/**
 * measures_session_add_files:
 * @files: (array length=n_files): files or folders to show too
 * @n_files: the number of files
 *
 * Adds datasets, as Open… and dropping files do; they are reopened in
 * the next session.
 */
void
measures_session_add_files (MeasuresSession *self,
                            GFile * const   *files,
                            guint            n_files)
{
  g_return_if_fail (MEASURES_IS_SESSION (self));

  for (guint i = 0; i < n_files; i++)
    {
      gboolean known = FALSE;

      for (guint k = 0; k < self->sources->len && !known; k++)
        known = g_file_equal (g_ptr_array_index (self->sources, k), files[i]);
      if (!known)
        g_ptr_array_add (self->sources, g_object_ref (files[i]));
    }

  self->remember_sources = TRUE;
  _measures_session_save_sources (self);
  measures_session_reload (self);
}

/**
 * measures_session_remove_file:
 * @file: a dataset shown, the bundled one included
 *
 * Stops showing @file, in this session and the next, until
 * measures_session_undo_remove() brings it back.
 */
void
measures_session_remove_file (MeasuresSession *self,
                              GFile           *file)
{
  g_autoptr(GFile) bundled = measures_loader_get_bundled_file ();

  g_return_if_fail (MEASURES_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  g_clear_object (&self->removed);
  if (g_file_equal (file, bundled))
    {
      self->show_bundled = FALSE;
      self->removed = g_object_ref (bundled);
      g_object_notify (G_OBJECT (self), "show-bundled");
    }
  else
    for (guint i = 0; i < self->sources->len; i++)
      if (g_file_equal (g_ptr_array_index (self->sources, i), file))
        {
          self->removed = g_object_ref (g_ptr_array_index (self->sources, i));
          self->removed_at = i;
          g_ptr_array_remove_index (self->sources, i);
          break;
        }

  self->remember_sources = TRUE;
  _measures_session_save_sources (self);
  measures_session_reload (self);
}

/**
 * measures_session_undo_remove:
 *
 * Shows again the dataset measures_session_remove_file() removed last,
 * where it was among the others (which matters: a later file wins on
 * equal ids).
 *
 * Returns: whether there was one to bring back
 */
gboolean
measures_session_undo_remove (MeasuresSession *self)
{
  g_autoptr(GFile) bundled = measures_loader_get_bundled_file ();
  g_autoptr(GFile) removed = NULL;

  g_return_val_if_fail (MEASURES_IS_SESSION (self), FALSE);

  removed = g_steal_pointer (&self->removed);
  if (removed == NULL)
    return FALSE;

  if (g_file_equal (removed, bundled))
    {
      self->show_bundled = TRUE;
      g_object_notify (G_OBJECT (self), "show-bundled");
    }
  else
    {
      for (guint i = 0; i < self->sources->len; i++)
        if (g_file_equal (g_ptr_array_index (self->sources, i), removed))
          return FALSE;
      g_ptr_array_insert (self->sources, MIN (self->removed_at, self->sources->len), g_object_ref (removed));
    }

  self->remember_sources = TRUE;
  _measures_session_save_sources (self);
  measures_session_reload (self);

  return TRUE;
}
