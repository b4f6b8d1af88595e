/* measures-settings.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Bumped when a key changes meaning; settings of a later version are
 * not guessed at. */
#define MEASURES_SETTINGS_VERSION 1

GPtrArray *measures_settings_repair (GSettings *settings);

G_END_DECLS
