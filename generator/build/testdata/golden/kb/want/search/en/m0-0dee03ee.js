(window.KBSearchData=window.KBSearchData||[]).push(["en/m0-0dee03ee.js",{"s":["","panelers"],"h":["ff9fe259","1e53c9f4"]}]);
