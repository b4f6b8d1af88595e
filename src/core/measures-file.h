/* measures-file.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean measures_file_read_all         (GFile         *file,
                                         goffset        limit,
                                         GCancellable  *cancellable,
                                         char         **contents,
                                         gsize         *length,
                                         GError       **error);
GBytes  *measures_file_map              (GFile         *file,
                                         guint64        limit,
                                         GCancellable  *cancellable,
                                         gboolean      *mapped,
                                         GError       **error);
gboolean measures_file_map_is_unchanged (GBytes        *bytes);
void     measures_file_release          (const char    *data,
                                         gsize          length);
guint64  measures_file_get_memory_size  (void);
char    *measures_format_byte_count     (guint64        count);
gboolean measures_file_replace_contents (GFile         *file,
                                         GBytes        *bytes,
                                         GCancellable  *cancellable,
                                         GError       **error);

typedef struct _MeasuresFileReplace MeasuresFileReplace;

MeasuresFileReplace *measures_file_replace_new        (GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
GOutputStream       *measures_file_replace_get_stream (MeasuresFileReplace  *self);
gboolean             measures_file_replace_commit     (MeasuresFileReplace  *self,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
void                 measures_file_replace_free       (MeasuresFileReplace  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresFileReplace, measures_file_replace_free)

G_END_DECLS
