# Fills a freshly migrated Redmine 5 SQLite database (default data loaded) with N issues comparable to the reports of
# `database generate`: one project per OPD (26, skewed: a few report most), six categories per project, a reporter per
# OPD as author, eight technicians as assignees, about 93 % closed, 7 % rejected and 1.5 % open (the newest), and a
# timeline of up to 12 journals per issue (7.5 on average; one for a rejected issue) (assignment, diagnosis, work notes, resolution, closing; status and assignee
# changes as journal details). Writes with SQL through the sqlite3 gem in one transaction (Rails models would take
# hours), then ANALYZE (as our generator does). Also creates the measuring account: a non-admin user who is a Manager
# member of every project, one of the eight technicians (so "My page" lists real assigned issues), with a password and
# an API key.
#
# Usage: ruby fill.rb DATABASE ISSUES LOGIN PASSWORD [SEED]
require 'sqlite3'
require 'digest/sha1'
require 'securerandom'

db_path, issues_arg, login, password, seed_arg = ARGV
abort 'Usage: ruby fill.rb DATABASE ISSUES LOGIN PASSWORD [SEED]' unless db_path && issues_arg && login && password
issue_count = Integer(issues_arg)
rng = Random.new(Integer(seed_arg || '42'))
started = Process.clock_gettime(Process::CLOCK_MONOTONIC)

db = SQLite3::Database.new(db_path)
db.execute('PRAGMA journal_mode=WAL') # kept in the file: Redmine's puma workers read it in WAL mode
db.execute('PRAGMA synchronous=OFF')
db.execute('PRAGMA cache_size=-262144')
abort "#{db_path} already holds issues: fill a fresh database" if db.get_first_value('SELECT COUNT(*) FROM issues').to_i > 0
abort "#{db_path} has no default data (rake redmine:load_default_data)" if db.get_first_value('SELECT COUNT(*) FROM issue_statuses').to_i == 0

def stamp(t) = t.utc.strftime('%Y-%m-%d %H:%M:%S')

OPDS = ['Dinas Komunikasi dan Informatika', 'Dinas Pendidikan', 'Dinas Kesehatan', 'Badan Perencanaan Pembangunan Daerah',
        'Badan Pengelolaan Keuangan dan Aset Daerah', 'Dinas Kependudukan dan Pencatatan Sipil', 'Dinas Pekerjaan Umum',
        'Dinas Perhubungan', 'Dinas Sosial', 'Dinas Lingkungan Hidup', 'Dinas Pariwisata', 'Dinas Perdagangan',
        'Dinas Tenaga Kerja', 'Badan Kepegawaian Daerah', 'Inspektorat', 'Sekretariat Daerah', 'Sekretariat DPRD',
        'Satuan Polisi Pamong Praja', 'Badan Penanggulangan Bencana Daerah', 'Dinas Perpustakaan dan Kearsipan',
        'Dinas Koperasi dan UMKM', 'Dinas Pertanian', 'Dinas Perumahan Rakyat', 'Kecamatan Utara', 'Kecamatan Selatan',
        'RSUD Kota'].freeze
CATEGORIES = ['Jaringan kabel (LAN)', 'Wi-Fi', 'Koneksi internet', 'Perangkat jaringan', 'Server dan layanan', 'Lainnya'].freeze
ROOMS = ['Ruang Kepala Dinas', 'Ruang Sekretariat', 'Ruang Rapat Lt. 2', 'Ruang Pelayanan', 'Ruang Arsip', 'Aula', 'Ruang Server',
         'Ruang Bidang Umum', 'Lobi', 'Ruang Keuangan'].freeze
SYMPTOMS = ['tidak bisa terhubung ke jaringan', 'koneksi sering putus', 'internet sangat lambat sejak pagi',
            'lampu indikator switch mati', 'access point tidak memancarkan sinyal', 'tidak bisa membuka aplikasi SIMPEG',
            'printer jaringan tidak terdeteksi', 'kabel LAN terputus setelah renovasi'].freeze
NOTES = ['Pemeriksaan awal: kabel patch di rak lantai 2 longgar, dipasang ulang dan diuji dengan tester.',
         'Perangkat switch di ruang server di-restart, port 12 kembali aktif, ping ke gateway stabil.',
         'Access point diganti sementara dengan unit cadangan dari gudang; menunggu persetujuan penggantian.',
         'Konfigurasi DHCP di router OPD diperbaiki, rentang alamat diperluas karena penambahan perangkat.',
         'Uji kecepatan setelah perbaikan: unduh 48 Mbps, unggah 20 Mbps; pelapor mengonfirmasi layanan normal.',
         'Menunggu jadwal dari pelapor karena ruangan dipakai rapat; kunjungan dijadwalkan ulang besok pagi.',
         'Diagnosa di luar pusat data: kerusakan konektor RJ45 pada tiga titik, diganti dan diberi label.',
         'Berita acara pekerjaan ditandatangani oleh kepala seksi dan pelapor.'].freeze

db.transaction
now = Time.now.utc
ins = ->(sql) { db.prepare(sql) }

# Users: the measuring account, seven more technicians, one reporter per OPD. Password: SHA1(salt + SHA1(password)).
user_stmt = ins.("INSERT INTO users (login, hashed_password, firstname, lastname, admin, status, language, created_on, updated_on, type, mail_notification, salt, must_change_passwd, passwd_changed_on) VALUES (?, ?, ?, ?, 0, 1, 'en', ?, ?, 'User', 'only_my_events', ?, 0, ?)")
mail_stmt = ins.('INSERT INTO email_addresses (user_id, address, is_default, notify, created_on, updated_on) VALUES (?, ?, 1, 1, ?, ?)')
add_user = lambda do |user_login, first, last, clear|
  salt = SecureRandom.hex(16)
  hashed = clear ? Digest::SHA1.hexdigest(salt + Digest::SHA1.hexdigest(clear)) : ''
  user_stmt.execute(user_login, hashed, first, last, stamp(now), stamp(now), clear ? salt : nil, stamp(now))
  id = db.last_insert_row_id
  mail_stmt.execute(id, "#{user_login}@example.invalid", stamp(now), stamp(now))
  id
end
bench_id = add_user.(login, 'Uji', 'Pengukur', password)
technicians = [bench_id] + (2..8).map { |i| add_user.("teknisi#{i}", 'Teknisi', i.to_s, nil) }
reporters = (1..OPDS.size).map { |i| add_user.("pelapor#{i}", 'Pelapor', "OPD #{i}", nil) }
db.execute("INSERT INTO tokens (user_id, action, value, created_on, updated_on) VALUES (?, 'api', ?, ?, ?)",
           [bench_id, SecureRandom.hex(20), stamp(now), stamp(now)])
db.execute("DELETE FROM settings WHERE name IN ('rest_api_enabled', 'login_required')")
db.execute("INSERT INTO settings (name, value, updated_on) VALUES ('rest_api_enabled', '1', ?), ('login_required', '1', ?)", [stamp(now), stamp(now)])

# Projects (one per OPD, private: visibility through membership as in the app), their modules, tracker, categories, members.
projects = []
categories = {}
member_stmt = ins.('INSERT INTO members (user_id, project_id, created_on, mail_notification) VALUES (?, ?, ?, 0)')
role_stmt = ins.('INSERT INTO member_roles (member_id, role_id) VALUES (?, ?)')
add_member = lambda do |user_id, project_id, role_id|
  member_stmt.execute(user_id, project_id, stamp(now))
  role_stmt.execute(db.last_insert_row_id, role_id)
end
OPDS.each_with_index do |name, i|
  db.execute("INSERT INTO projects (name, description, homepage, is_public, created_on, updated_on, identifier, status, lft, rgt, inherit_members) VALUES (?, ?, '', 0, ?, ?, ?, 1, ?, ?, 0)",
             [name, "Laporan gangguan jaringan #{name}", stamp(now), stamp(now), "opd-#{i + 1}", 2 * i + 1, 2 * i + 2])
  pid = db.last_insert_row_id
  projects << pid
  %w[issue_tracking].each { |m| db.execute('INSERT INTO enabled_modules (project_id, name) VALUES (?, ?)', [pid, m]) }
  db.execute('INSERT INTO projects_trackers (project_id, tracker_id) VALUES (?, 1)', [pid])
  categories[pid] = CATEGORIES.map do |c|
    db.execute('INSERT INTO issue_categories (project_id, name) VALUES (?, ?)', [pid, c])
    db.last_insert_row_id
  end
  add_member.(bench_id, pid, 3) # Manager
  technicians.drop(1).each { |t| add_member.(t, pid, 4) } # Developer
  add_member.(reporters[i], pid, 5) # Reporter
end

# OPDs skewed as in the generator: a few report most (weights 1/(rank+1)).
weights = projects.each_index.map { |r| 1.0 / (r + 1) }
total_weight = weights.sum
cumulative = weights.each_with_object([]) { |w, acc| acc << (acc.last || 0) + w / total_weight }
pick_project = -> { x = rng.rand; cumulative.index { |c| c >= x } || projects.size - 1 }

issue_stmt = ins.('INSERT INTO issues (id, tracker_id, project_id, subject, description, category_id, status_id, assigned_to_id, priority_id, author_id, lock_version, created_on, updated_on, start_date, done_ratio, root_id, lft, rgt, is_private, closed_on) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 1, 2, 0, ?)')
journal_stmt = ins.("INSERT INTO journals (id, journalized_id, journalized_type, user_id, notes, created_on, private_notes) VALUES (?, ?, 'Issue', ?, ?, ?, 0)")
detail_stmt = ins.("INSERT INTO journal_details (journal_id, property, prop_key, old_value, value) VALUES (?, 'attr', ?, ?, ?)")

span = 2 * 365 * 24 * 3600.0
open_from = (issue_count * 0.985).floor
journal_id = 0
journals = 0
details = 0
(1..issue_count).each do |id|
  # Received over the last two years in id order, mostly in office hours.
  created = now - span + span * (id - 1) / issue_count + rng.rand(3600)
  pidx = pick_project.()
  project = projects[pidx]
  category_index = rng.rand(CATEGORIES.size)
  room = ROOMS[rng.rand(ROOMS.size)]
  symptom = SYMPTOMS[rng.rand(SYMPTOMS.size)]
  subject = "#{CATEGORIES[category_index]}: #{symptom} di #{room}"
  description = "Pelapor dari #{OPDS[pidx]} menyampaikan bahwa #{symptom} di #{room}. " \
                "Gangguan dirasakan oleh #{2 + rng.rand(20)} pegawai sejak pukul #{7 + rng.rand(8)}.#{rng.rand(6)}0 WIB. " \
                "Sudah dicoba mematikan dan menyalakan ulang perangkat tetapi belum berhasil. Mohon segera ditindaklanjuti."
  technician = technicians[rng.rand(technicians.size)]
  author = reporters[pidx]
  open = id > open_from
  rejected = !open && rng.rand < 0.07
  status = open ? 1 + rng.rand(4) : (rejected ? 6 : 5)
  # The timeline: each journal a little later than the one before.
  t = created
  step = -> { t += 600 + rng.rand(4 * 3600) }
  entries = [] # [user, notes, [[key, old, new], ...]]
  if rejected
    entries << [technicians[0], 'Laporan ditolak: bukan gangguan jaringan, diteruskan ke pengelola aplikasi.', [['status_id', '1', '6']]]
  else
    entries << [technicians[0], 'Disposisi ke teknisi.', [['assigned_to_id', nil, technician.to_s], ['status_id', '1', '2']]]
    entries << [technician, NOTES[rng.rand(NOTES.size)], []]
    (1 + rng.rand(6)).times { entries << [technician, NOTES[rng.rand(NOTES.size)], []] }
    if rng.rand < 0.3
      entries << [technician, 'Menunggu konfirmasi pelapor.', [['status_id', '2', '4']]]
      entries << [author, 'Sudah kami cek, gangguan masih terjadi di sebagian ruangan.', [['status_id', '4', '2']]]
    end
    unless open && status < 3
      entries << [technician, 'Pekerjaan selesai, mohon konfirmasi pelapor.', [['status_id', '2', '3'], ['done_ratio', '0', '100']]]
      entries << [author, 'Layanan sudah normal kembali. Terima kasih.', [['status_id', '3', '5']]] unless open
    end
  end
  entries = entries.first(1 + rng.rand(entries.size)) if open
  entries = [] if status == 1
  journal_times = entries.map { step.() }
  closed_on = open ? nil : stamp(journal_times.last)
  updated = journal_times.last || created
  issue_stmt.execute(id, project, subject, description, categories[project][category_index], status, rejected || status == 1 ? nil : technician,
                     rng.rand < 0.8 ? 2 : 3, author, stamp(created), stamp(updated), created.strftime('%Y-%m-%d'),
                     status == 5 || status == 3 ? 100 : 0, id, closed_on)
  entries.each_with_index do |(user, notes, changes), i|
    journal_id += 1
    journal_stmt.execute(journal_id, id, user, notes, stamp(journal_times[i]))
    changes.each { |key, old, new| detail_stmt.execute(journal_id, key, old, new); details += 1 }
    journals += 1
  end
end
[user_stmt, mail_stmt, member_stmt, role_stmt, issue_stmt, journal_stmt, detail_stmt].each(&:close)
db.commit
db.execute('PRAGMA analysis_limit=1000')
db.execute('ANALYZE')
db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
elapsed = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
count = db.get_first_value('SELECT COUNT(*) FROM issues')
abort "expected #{issue_count} issues, found #{count}" unless count == issue_count
puts format('Filled %d issues, %d journals, %d journal details in %d projects in %.1f s (journal mode %s).',
            count, journals, details, projects.size, elapsed, db.get_first_value('PRAGMA journal_mode'))
