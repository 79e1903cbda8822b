// kinerja serve: drag-and-drop onto the upload form, and the build progress bar.
"use strict";
(function () {
  function siapkanJatuh() {
    var kotak = document.getElementById("jatuh");
    var input = document.getElementById("berkas");
    var nama = document.getElementById("nama-berkas");
    if (!kotak || !input) { return; }
    function tampil() {
      nama.textContent = input.files.length ? "Dipilih: " + input.files[0].name : "Belum ada berkas dipilih.";
    }
    ["dragenter", "dragover"].forEach(function (jenis) {
      kotak.addEventListener(jenis, function (e) { e.preventDefault(); kotak.classList.add("aktif"); });
    });
    ["dragleave", "drop"].forEach(function (jenis) {
      kotak.addEventListener(jenis, function (e) { e.preventDefault(); kotak.classList.remove("aktif"); });
    });
    kotak.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        tampil();
      }
    });
    input.addEventListener("change", tampil);
  }

  function siapkanKemajuan() {
    var kotak = document.getElementById("kemajuan");
    if (!kotak) { return; }
    var tahap = document.getElementById("kemajuan-tahap");
    var batang = document.getElementById("kemajuan-batang");
    var terakhir = document.getElementById("kemajuan-terakhir");
    function tanya() {
      fetch(kotak.dataset.status, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          if (!d) { return; }
          if (d.berjalan) {
            tahap.textContent = (d.tahap || "Memulai build") + " (" + d.selesai + "/" + d.total + ")";
            batang.max = d.total || 1;
            batang.value = d.selesai;
          } else {
            tahap.textContent = d.menunggu ? "Menunggu folder hasil dilepas build lain."
              : (d.antre ? "Build dijadwalkan." : "Tidak ada build yang berjalan.");
            batang.value = batang.max;
          }
          if (d.terakhir) {
            terakhir.textContent = "Build terakhir: " + (d.terakhir.berhasil ? "berhasil" : "dengan masalah") +
              (d.terakhir.pesan ? " · " + d.terakhir.pesan : "");
          }
          var sejak = Number(kotak.dataset.sejak || "0");
          if (d.jumlah_build > sejak && !d.berjalan && !d.antre && kotak.dataset.selesai !== "ya") {
            kotak.dataset.selesai = "ya";
            var tautan = document.createElement("a");
            tautan.href = window.location.pathname === "/unggah" ? "/" : window.location.pathname + window.location.search;
            tautan.textContent = " Dokumen sudah diperbarui: muat ulang halaman.";
            tautan.id = "muat-ulang";
            terakhir.appendChild(tautan);
          }
        })
        .catch(function () { /* the server restarts: try again */ });
    }
    tanya();
    window.setInterval(tanya, 1500);
  }

  document.addEventListener("DOMContentLoaded", function () {
    siapkanJatuh();
    siapkanKemajuan();
  });
})();
